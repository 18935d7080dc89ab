namespace Caseload.Core;

/// <summary>A use case's refusal of bad input, with a message that says what was wrong and what was expected.</summary>
public sealed class ValidationException(string message) : Exception(message);
