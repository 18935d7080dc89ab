namespace Caseload.Core.Features.Safeguarding;

/// <summary>What a safeguarding concern is about (KCSIE 2025's kinds of abuse and the issues schools record).</summary>
public static class SafeguardingCategories
{
    public static IReadOnlyList<string> Defaults { get; } =
    [
        "Neglect", "Physical abuse", "Emotional abuse", "Sexual abuse", "Child-on-child abuse", "Child criminal exploitation",
        "Child sexual exploitation", "County lines", "Domestic abuse", "Online safety", "Mental health", "Self-harm",
        "Radicalisation (Prevent)", "Female genital mutilation", "Child missing education", "Attendance",
    ];
}
