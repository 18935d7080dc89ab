using Caseload.Core.Domain;

namespace Caseload.Core.Features.ParentContacts;

/// <summary>How a contact's method is said on pages.</summary>
public static class ParentContactWords
{
    public static string Describe(ContactMethod method) => method switch
    {
        ContactMethod.Call => "phone call",
        ContactMethod.Email => "e-mail",
        ContactMethod.Letter => "letter",
        ContactMethod.Meeting => "meeting",
        ContactMethod.ParentsEvening => "parents' evening",
        _ => "text message",
    };
}
