namespace Caseload.Web.Pages;

/// <summary>A student's face beside their name: the photo when one was imported, their initials otherwise.</summary>
/// <param name="Large">The profile's header size rather than a list's.</param>
public sealed record Face(int StudentId, string Initials, bool HasPhoto, bool Large = false);
