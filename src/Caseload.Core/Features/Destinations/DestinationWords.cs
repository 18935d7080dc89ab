using Caseload.Core.Domain;
using Caseload.Core.Rules;

namespace Caseload.Core.Features.Destinations;

/// <summary>How choices, follow-ups and destinations are named on pages, in exports and the CLI.</summary>
public static class DestinationWords
{
    public static string Describe(ChoiceStatus status) => status switch
    {
        ChoiceStatus.Applied => "Applied",
        ChoiceStatus.ConditionalOffer => "Conditional offer",
        ChoiceStatus.UnconditionalOffer => "Unconditional offer",
        ChoiceStatus.Unsuccessful => "Unsuccessful",
        ChoiceStatus.Withdrawn => "Withdrawn",
        _ => "Declined",
    };

    public static string Describe(ChoiceReply reply) => reply switch
    {
        ChoiceReply.Firm => "Firm",
        ChoiceReply.Insurance => "Insurance",
        _ => "",
    };

    public static string Describe(FollowUpOutcome outcome) => outcome switch
    {
        FollowUpOutcome.Contacted => "Spoken to; nothing settled yet",
        FollowUpOutcome.FirmConfirmed => "Firm choice confirmed anyway",
        FollowUpOutcome.InsurancePlace => "Insurance place",
        FollowUpOutcome.Clearing => "Clearing",
        FollowUpOutcome.ApplyingAgain => "Resits, gap year or applying again",
        FollowUpOutcome.ApprenticeshipOrWork => "Apprenticeship or work instead",
        _ => "Other",
    };

    public static string Describe(DestinationKind kind) => kind switch
    {
        DestinationKind.HigherEducation => "Higher education",
        DestinationKind.FurtherEducation => "Further education",
        DestinationKind.OtherEducation => "Other education",
        DestinationKind.Apprenticeship => "Apprenticeship",
        DestinationKind.Employment => "Employment",
        DestinationKind.NotInEducationOrWork => "Not in education, employment or training",
        _ => "Other (gap year, volunteering)",
    };

    /// <summary>What the sustained rule counts an activity as.</summary>
    public static SustainedDestination.Kind Counts(DestinationKind kind) => kind switch
    {
        DestinationKind.HigherEducation or DestinationKind.FurtherEducation or DestinationKind.OtherEducation => SustainedDestination.Kind.Education,
        DestinationKind.Apprenticeship => SustainedDestination.Kind.Apprenticeship,
        DestinationKind.Employment => SustainedDestination.Kind.Employment,
        _ => SustainedDestination.Kind.None,
    };

    /// <summary>The destination an application aims at, when no choice is firm yet.</summary>
    public static DestinationKind Intended(ApplicationRoute route) => route switch
    {
        ApplicationRoute.UcasUndergraduate => DestinationKind.HigherEducation,
        ApplicationRoute.Apprenticeship => DestinationKind.Apprenticeship,
        ApplicationRoute.Employment => DestinationKind.Employment,
        _ => DestinationKind.Other,
    };

    /// <summary>Parses a kind as the CLI and imports write it ("higher-education", "HigherEducation", "apprenticeship").</summary>
    public static DestinationKind? Parse(string? text)
    {
        var t = (text ?? "").Replace("-", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        return t.ToLowerInvariant() switch
        {
            "neet" => DestinationKind.NotInEducationOrWork,
            _ => Enum.TryParse<DestinationKind>(t, ignoreCase: true, out var k) && Enum.IsDefined(k) && !int.TryParse(t, out _) ? k : null,
        };
    }
}
