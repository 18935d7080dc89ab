namespace Caseload.Core.Domain;

public enum Urgency
{
    /// <summary>This week.</summary>
    Routine,
    /// <summary>Within two working days.</summary>
    Soon,
    /// <summary>Today.</summary>
    Urgent,
}
