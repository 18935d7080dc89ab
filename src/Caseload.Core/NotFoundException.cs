namespace Caseload.Core;

/// <summary>
/// What was asked for does not exist, or the caller may not know that it does: the two are answered alike (a 404, "not
/// found" on the command line), so nobody learns about a student, record or page they may not see.
/// </summary>
public sealed class NotFoundException(string what = "the page") : Exception($"{what} was not found");
