using Caseload.Core.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Caseload.Core.Data;

internal sealed class BehaviourReviewConfiguration : IEntityTypeConfiguration<BehaviourReview>
{
    public void Configure(EntityTypeBuilder<BehaviourReview> b)
    {
        b.HasKey(x => x.BehaviourEventId);
        b.Property(x => x.BehaviourEventId).ValueGeneratedNever();
        b.Property(x => x.Note).HasMaxLength(1000);
        b.HasOne<BehaviourEvent>().WithMany().HasForeignKey(x => x.BehaviourEventId);
    }
}
