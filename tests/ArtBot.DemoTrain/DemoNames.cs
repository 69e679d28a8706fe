namespace ArtBot.DemoTrain;

/// <summary>Given names and family names from many places, paired by the seed into people who do not exist.</summary>
internal static class DemoNames
{
    public static readonly string[] Given =
    [
        "Amara", "Bjorn", "Chen", "Daniela", "Emeka", "Fatima", "Giulia", "Hiroshi", "Ingrid", "Javier", "Kavya", "Liam",
        "Mei", "Nikolai", "Olga", "Pedro", "Quynh", "Rahul", "Sofia", "Tomasz", "Uma", "Valentina", "Wei", "Ximena",
        "Yusuf", "Zanele", "Aleksander", "Beatriz", "Camille", "Dmitri", "Elif", "Farid", "Greta", "Hana", "Ibrahim",
        "Jana", "Kenji", "Leila", "Mateo", "Nadia", "Oluwaseun", "Priya", "Rosa", "Samuel", "Tariq", "Ulla", "Vikram",
        "Wanjiru", "Yara", "Zoltan", "Aisha", "Bruno", "Carmen", "Diego", "Esther", "Felix", "Grace", "Hugo", "Ines",
        "Jonas", "Keiko", "Lucas", "Maya", "Noah", "Oscar", "Paula", "Rafael", "Sara", "Theo", "Ursula", "Vera", "Wiremu",
        "Yasmin", "Zhang", "Anika", "Bastian", "Chiara", "Dario", "Emma", "Fiona", "Gabriel", "Helena", "Ivan", "Julia",
        "Karim", "Lina", "Marco", "Nora", "Omar", "Pia", "Ravi", "Selin", "Tobias", "Vanessa", "Wojciech", "Xavier",
        "Yuki", "Zeynep", "Adaeze", "Bilal", "Clara", "David", "Eun-ji", "Femi", "Gustavo", "Hamza", "Isabel", "Jakub",
        "Kwame", "Lars", "Marta", "Nikhil", "Oksana", "Pablo", "Rania", "Stefan", "Thandiwe", "Viktor", "Wen", "Yosef",
        "Zainab", "Ananya", "Benedikt", "Catalina", "Duc", "Eleni",
    ];

    public static readonly string[] Family =
    [
        "Okafor", "Lindqvist", "Wang", "Romero", "Nwosu", "Haddad", "Bianchi", "Tanaka", "Johansson", "Herrera", "Iyer",
        "Murphy", "Lin", "Volkov", "Kowalczyk", "Alves", "Nguyen", "Mehta", "Rossi", "Nowak", "Pillai", "Castillo",
        "Zhou", "Delgado", "Yilmaz", "Dlamini", "Novak", "Costa", "Lefebvre", "Sokolov", "Demir", "Rahimi", "Bergstrom",
        "Sato", "Mansour", "Dvorak", "Watanabe", "Karimi", "Morales", "Petrov", "Adeyemi", "Sharma", "Gomez", "Mensah",
        "Aziz", "Virtanen", "Reddy", "Kamau", "Farouk", "Horvath", "Abdullah", "Ferreira", "Ortega", "Vargas", "Cohen",
        "Becker", "Osei", "Dubois", "Moreau", "Schmidt", "Kato", "Santos", "Kapoor", "Martin", "Eriksen", "Navarro",
        "Silva", "Hoffmann", "Keller", "Andersen", "Ivanova", "Ngata", "Hassan", "Li", "Krishnan", "Wagner", "Conti",
        "Ricci", "Olsen", "Fischer", "Popescu", "Jensen", "Ramos", "Larsen", "Kaya", "Reyes", "Ozturk", "Brandt",
        "Lewandowski", "Chaudhry", "Morgan", "Banerjee", "Fuchs", "Gonzalez", "Mazur", "Moyo", "Park", "Walsh", "Akhtar",
        "Szabo", "Mwangi", "Pereira", "Iqbal", "Lopez", "Bondarenko", "Rivera", "Kang", "Hughes", "Ahmadi", "Weber",
        "Tran", "Qureshi", "Boateng", "Nilsson", "Khan", "Duarte", "Zimmermann", "Takahashi", "Vasquez", "Ali", "Lam",
        "Vogel", "Oyelaran", "Sorensen", "Chowdhury", "Rojas",
    ];
}
