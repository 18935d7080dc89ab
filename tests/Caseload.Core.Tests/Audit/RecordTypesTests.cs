using Caseload.Core.Features.Audit;

namespace Caseload.Core.Tests.Audit;

/// <summary>The audit log names record types in words: split at each new word, the words after the first in lower case,
/// acronyms kept whole, generic arity dropped; the reads and a few types have names of their own.</summary>
public sealed class RecordTypesTests
{
    [Theory]
    [InlineData("Referral", "Referral")]
    [InlineData("SafeguardingEntry", "Safeguarding entry")]
    [InlineData("InterventionCase", "Intervention case")]
    [InlineData("UCASApplication", "UCAS application")]
    [InlineData("IdentityUserClaim`1", "Sign-in account claim")]
    [InlineData("SomeGeneric`2", "Some generic")]
    [InlineData("StudentProfile", "Student's profile")]
    [InlineData("OneToOneMeeting", "1:1 review")]
    public void A_record_type_reads_as_words(string entity, string words) => Assert.Equal(words, RecordTypes.Describe(entity));
}
