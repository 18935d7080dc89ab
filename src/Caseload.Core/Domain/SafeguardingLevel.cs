namespace Caseload.Core.Domain;

/// <summary>
/// How far a member of staff reaches into the safeguarding record (as CPOMS and MyConcern do it). Everyone may report a
/// concern; more is given by the designated safeguarding lead (decision 0015).
/// </summary>
public enum SafeguardingLevel
{
    /// <summary>Everyone: reports concerns and keeps a receipt without the words.</summary>
    Reporter = 0,

    /// <summary>Reads the concerns they reported and those the team shares with them in full, and is given tasks.</summary>
    Trusted = 1,

    /// <summary>A deputy designated safeguarding lead: the team's work on every concern within their limits.</summary>
    Deputy = 2,

    /// <summary>The designated safeguarding lead (the MIS role <c>safeguarding-lead</c>): everything, and who has which level.</summary>
    Lead = 3,
}
