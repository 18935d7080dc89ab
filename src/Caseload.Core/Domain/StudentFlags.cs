namespace Caseload.Core.Domain;

/// <summary>The names of a student's flags, in the order pages show them.</summary>
public static class StudentFlags
{
    public static readonly string[] All = ["Disadvantaged", "SEND", "EHCP", "Looked after", "Young carer", "EAL", "Most able"];

    public static List<string> Describe(bool disadvantaged, bool send, bool ehcp, bool lookedAfter, bool youngCarer, bool eal, bool mostAble)
    {
        bool[] set = [disadvantaged, send, ehcp, lookedAfter, youngCarer, eal, mostAble];
        return [.. All.Where((_, i) => set[i])];
    }
}
