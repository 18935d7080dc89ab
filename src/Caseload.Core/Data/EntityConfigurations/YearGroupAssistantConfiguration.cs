using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class YearGroupAssistantConfiguration : IEntityTypeConfiguration<YearGroupAssistant>
{
    public void Configure(EntityTypeBuilder<YearGroupAssistant> b)
    {
        b.HasKey(x => new { x.YearGroupId, x.StaffId });
        b.HasOne<YearGroup>().WithMany().HasForeignKey(x => x.YearGroupId);
        b.HasOne<Staff>().WithMany().HasForeignKey(x => x.StaffId);
        b.HasIndex(x => x.StaffId);
    }
}
