using Microsoft.AspNetCore.Identity;

namespace Caseload.Core.Domain;

/// <summary>A sign-in account, always for one member of staff (whose roles come from the MIS's staff import).</summary>
public sealed class CaseloadUser : IdentityUser<int>
{
    public int StaffId { get; set; }
    public DateTime CreatedAt { get; set; }
    /// <summary>Set when an administrator disables the account; every session ends.</summary>
    public DateTime? DisabledAt { get; set; }
}
