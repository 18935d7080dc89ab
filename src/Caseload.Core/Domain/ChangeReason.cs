namespace Caseload.Core.Domain;

/// <summary>
/// One of the institution's reasons for a course change or withdrawal, mapped to the ILR's withdrawal reason code
/// (<c>WithdrawReason</c>: 40 = transferred to a new learning aim at the same provider). The list is the institution's
/// to edit (<c>caseload course-changes reasons</c>); <see cref="Defaults"/> start it.
/// </summary>
public sealed class ChangeReason
{
    public int Id { get; set; }
    public int InstitutionId { get; set; }
    public required string Name { get; set; }
    public int IlrCode { get; set; }
    public bool Active { get; set; } = true;

    public const int NameLength = 100;
    public const int TransferCode = 40;

    /// <summary>The list an institution starts with. Check the codes against the year's ILR specification.</summary>
    public static readonly IReadOnlyList<(string Name, int Code)> Defaults =
    [
        ("Changed course at this college", TransferCode),
        ("Moved to another school or college", 2),
        ("Illness or injury", 3),
        ("Financial reasons", 43),
        ("Other personal reasons", 44),
        ("Excluded", 46),
        ("Left for employment or an apprenticeship", 97),
        ("Other", 97),
        ("Not known", 98),
    ];
}
