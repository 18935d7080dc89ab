namespace Caseload.Core.Domain;

public enum InstitutionKind
{
    SecondarySchool,
    SixthFormCollege,
    FurtherEducationCollege,
}
