namespace Caseload.Core.Features.Demo;

/// <summary>
/// Given names and family names heard in English schools today, drawn from many heritages. The demo combines
/// them at random, so any resemblance to a real person is a coincidence of two common names.
/// </summary>
internal static class DemoNames
{
    public static readonly string[] Given =
    [
        "Amelia", "Oliver", "Isla", "Noah", "Ava", "Leo", "Freya", "Oscar", "Mia", "Arthur", "Poppy", "Theo",
        "Aisha", "Mohammed", "Fatima", "Yusuf", "Maryam", "Ibrahim", "Zainab", "Hamza", "Amina", "Bilal",
        "Priya", "Arjun", "Ananya", "Rohan", "Simran", "Dev", "Kiran", "Harpreet", "Jasleen", "Sai",
        "Chloe", "Jack", "Grace", "Harry", "Ellie", "George", "Ruby", "Alfie", "Lily", "Charlie",
        "Oluwaseun", "Chidi", "Adaeze", "Kwame", "Ama", "Tunde", "Ngozi", "Kofi", "Abena", "Femi",
        "Zofia", "Jakub", "Natalia", "Kacper", "Maja", "Filip", "Wiktoria", "Andrei", "Ioana", "Darius",
        "Wei", "Mei", "Jun", "Lian", "Hao", "Xin", "Minh", "Linh", "Thanh", "An",
        "Siobhan", "Ciaran", "Niamh", "Eoin", "Aoife", "Rhys", "Cerys", "Dylan", "Seren", "Callum",
        "Layla", "Omar", "Sara", "Ali", "Noor", "Karim", "Leila", "Samir", "Yasmin", "Tariq",
        "Jayden", "Kai", "Tiana", "Malachi", "Aaliyah", "Jermaine", "Shanice", "Tyrone", "Imani", "Elijah",
        "Sofia", "Mateo", "Lucia", "Diego", "Elena", "Luca", "Giulia", "Marco", "Ines", "Tomas",
        "Hannah", "Samuel", "Esther", "Reuben", "Miriam", "Isaac", "Rosa", "Gabriel", "Eva", "Joseph",
    ];

    public static readonly string[] Family =
    [
        "Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson", "Davies", "Robinson", "Wright",
        "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood", "Jackson", "Clarke",
        "Khan", "Ahmed", "Hussain", "Ali", "Begum", "Rahman", "Iqbal", "Malik", "Shah", "Akhtar",
        "Patel", "Singh", "Kaur", "Sharma", "Gill", "Sandhu", "Mistry", "Chauhan", "Kumar", "Desai",
        "Okafor", "Adeyemi", "Mensah", "Owusu", "Boateng", "Okonkwo", "Adebayo", "Asante", "Eze", "Balogun",
        "Kowalski", "Nowak", "Wiśniewski", "Popescu", "Ionescu", "Horvat", "Novak", "Petrov", "Kaminski", "Lewandowski",
        "Chen", "Wang", "Li", "Zhang", "Liu", "Nguyen", "Tran", "Pham", "Le", "Wong",
        "O'Brien", "Murphy", "Kelly", "O'Connor", "McCarthy", "Byrne", "Walsh", "Ryan", "Doherty", "Gallagher",
        "Campbell", "Stewart", "MacDonald", "Morgan", "Hughes", "Lloyd", "Price", "Griffiths", "Rees", "Powell",
        "Campbell-Brown", "Francis", "Henry", "Grant", "Richards", "Douglas", "Bailey", "Forde", "Clarke-Reid", "Edwards",
        "Rossi", "Garcia", "Fernandes", "Silva", "Santos", "Costa", "Moreno", "Romano", "Ferreira", "Lopez",
        "Cohen", "Levy", "Abrahams", "Friedman", "Yilmaz", "Demir", "Kaya", "Haddad", "Nasser", "Farah",
    ];

    public static readonly string[] Relationships = ["Mother", "Father", "Carer", "Grandparent", "Step-parent", "Aunt", "Uncle"];

    /// <summary>Streets and one fictional town for demo addresses; postcodes use the non-existent ZZ area.</summary>
    public static readonly string[] Streets = ["Mill Lane", "Orchard Road", "Church Street", "Station Road", "Park Avenue", "Victoria Terrace", "Meadow Close", "The Crescent", "Queen's Road", "Willow Way"];
}
