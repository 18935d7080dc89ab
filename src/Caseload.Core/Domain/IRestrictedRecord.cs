namespace Caseload.Core.Domain;

/// <summary>
/// A part of a child's safeguarding record: its existence is the safeguarding team's alone. The audit log marks every
/// entry about it restricted and never copies the columns in <see cref="RestrictedColumns"/> (decision 0014).
/// </summary>
public interface IRestrictedRecord
{
    IReadOnlySet<string> RestrictedColumns { get; }
}
