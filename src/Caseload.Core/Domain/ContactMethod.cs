namespace Caseload.Core.Domain;

public enum ContactMethod
{
    Call,
    Email,
    Letter,
    Meeting,
    ParentsEvening,
    TextMessage,
}
