using Caseload.Core.Domain;

namespace Caseload.Core.Features.References;

/// <summary>How applications and references are named on pages, in the inbox and the CLI.</summary>
public static class ReferenceWords
{
    public static string Describe(ApplicationRoute route) => route switch
    {
        ApplicationRoute.UcasUndergraduate => "UCAS undergraduate",
        ApplicationRoute.Apprenticeship => "Apprenticeship",
        ApplicationRoute.Employment => "Employment",
        _ => "Other",
    };

    public static string Describe(ReferenceStatus status) => status switch
    {
        ReferenceStatus.Started => "Started",
        ReferenceStatus.Requested => "Contributions requested",
        ReferenceStatus.ContributionsIn => "Contributions in",
        ReferenceStatus.Drafted => "Drafted, waiting to be checked",
        ReferenceStatus.Checked => "Checked, waiting to be released",
        _ => "Released",
    };

    /// <summary>UCAS references have the centre's statement and extenuating circumstances; apprenticeship and employment
    /// references are the supportive section alone.</summary>
    public static bool HasUcasSections(ApplicationRoute route) => route == ApplicationRoute.UcasUndergraduate;
}
