namespace Jukebox.Data.Seeding;

/// <summary>Word lists and mappings the generators draw names and labels from.</summary>
internal static class CatalogVocabulary
{
    public static readonly string[] Labels =
    [
        "Northern Lights Records", "Blue Harbor Music", "Red Brick Recordings", "Silver Arrow",
        "Parallel Lines", "Open Road Records", "Saltwater Sound", "Copperleaf", "Lantern House",
        "Midnight Ferry", "Granite Peak Music", "Paper Moon Records",
    ];

    public static readonly string[] Adjectives =
    [
        "Velvet", "Neon", "Silent", "Golden", "Electric", "Hollow", "Crimson", "Distant", "Wild",
        "Broken", "Endless", "Lunar", "Paper", "Fading", "Burning", "Frozen", "Secret", "Lost",
        "Bright", "Quiet", "Restless", "Wandering", "Sunken", "Static", "Gentle", "Iron", "Glass",
        "Midnight", "Northern", "Scarlet",
    ];

    public static readonly string[] Nouns =
    [
        "Echoes", "Harbor", "Skyline", "Rivers", "Machines", "Gardens", "Signals", "Horizon", "Tides",
        "Lanterns", "Mirrors", "Satellites", "Canyons", "Embers", "Shadows", "Streets", "Waves",
        "Comets", "Voices", "Orchards", "Highways", "Islands", "Parades", "Letters", "Engines",
        "Meadows", "Cities", "Storms", "Bridges", "Feathers",
    ];

    public static readonly string[] FirstNames =
    [
        "Ada", "Ben", "Clara", "Diego", "Elif", "Farah", "Gus", "Hana", "Ivo", "Jonas", "Kira", "Luca",
        "Maya", "Nils", "Olga", "Pia", "Quinn", "Rosa", "Sami", "Tess",
    ];

    public static readonly string[] Surnames =
    [
        "Andersen", "Brooks", "Castillo", "Dubois", "Eriksson", "Fischer", "Garcia", "Hughes",
        "Ivanova", "Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov",
    ];

    /// <summary>Chinook's per-track genres mapped to the genre seeds Spotify's recommendations accept.</summary>
    public static readonly Dictionary<string, string[]> GenreSeedsByChinookGenre = new()
    {
        ["Rock"] = ["rock"],
        ["Jazz"] = ["jazz"],
        ["Metal"] = ["metal"],
        ["Alternative & Punk"] = ["alternative", "punk"],
        ["Rock And Roll"] = ["rock-n-roll"],
        ["Blues"] = ["blues"],
        ["Latin"] = ["latin"],
        ["Reggae"] = ["reggae"],
        ["Pop"] = ["pop"],
        ["Soundtrack"] = ["soundtracks"],
        ["Bossa Nova"] = ["bossanova"],
        ["Easy Listening"] = ["chill"],
        ["Heavy Metal"] = ["heavy-metal"],
        ["R&B/Soul"] = ["r-n-b", "soul"],
        ["Electronica/Dance"] = ["electronic", "dance"],
        ["World"] = ["world-music"],
        ["Hip Hop/Rap"] = ["hip-hop"],
        ["Alternative"] = ["alternative"],
        ["Classical"] = ["classical"],
        ["Opera"] = ["opera"],
    };

    /// <summary>Browse categories: id, name, the genre seeds whose playlists they hold, localized names.</summary>
    public static readonly (string Id, string Name, string[] Genres, (string Locale, string Name)[] Names)[] Categories =
    [
        ("toplists", "Top Lists", [], [("es_ES", "Listas de éxitos"), ("de_DE", "Charts"), ("fr_FR", "Top listes"), ("sv_SE", "Topplistor")]),
        ("rock", "Rock", ["rock", "rock-n-roll", "alternative", "punk"], [("es_ES", "Rock"), ("de_DE", "Rock"), ("fr_FR", "Rock"), ("sv_SE", "Rock")]),
        ("metal", "Metal", ["metal", "heavy-metal"], [("es_ES", "Metal"), ("de_DE", "Metal"), ("fr_FR", "Métal"), ("sv_SE", "Metal")]),
        ("jazz", "Jazz", ["jazz", "bossanova"], [("es_ES", "Jazz"), ("de_DE", "Jazz"), ("fr_FR", "Jazz"), ("sv_SE", "Jazz")]),
        ("latin", "Latin", ["latin"], [("es_ES", "Latina"), ("de_DE", "Latin"), ("fr_FR", "Latino"), ("sv_SE", "Latin")]),
        ("classical", "Classical", ["classical", "opera"], [("es_ES", "Clásica"), ("de_DE", "Klassik"), ("fr_FR", "Classique"), ("sv_SE", "Klassiskt")]),
        ("pop", "Pop", ["pop", "soundtracks"], [("es_ES", "Pop"), ("de_DE", "Pop"), ("fr_FR", "Pop"), ("sv_SE", "Pop")]),
        ("soul", "R&B & Soul", ["r-n-b", "soul", "blues"], [("es_ES", "R&B y soul"), ("de_DE", "R&B & Soul"), ("fr_FR", "R&B et soul"), ("sv_SE", "R&B och soul")]),
        ("chill", "Chill", ["chill", "world-music", "reggae"], [("es_ES", "Chill"), ("de_DE", "Chillout"), ("fr_FR", "Chill"), ("sv_SE", "Chill")]),
        ("electronic", "Electronic & Dance", ["electronic", "dance", "hip-hop"], [("es_ES", "Electrónica y dance"), ("de_DE", "Elektro & Dance"), ("fr_FR", "Électro et dance"), ("sv_SE", "Elektroniskt")]),
    ];

    public static readonly (string Name, string Publisher, string Topic, string Language)[] Shows =
    [
        ("The Vinyl Hour", "Jukebox Studios", "record collecting and the stories behind classic albums", "en"),
        ("Backstage Pass", "Open Road Media", "conversations with touring musicians", "en"),
        ("Songwriters' Table", "Lantern House", "how songs are written, from first idea to final mix", "en"),
        ("La Hora del Bolero", "Saltwater Sound", "la historia de la música latina", "es"),
        ("Klangwelten", "Copperleaf", "Musikgeschichte und Klangforschung", "de"),
        ("Jazz After Dark", "Blue Harbor Music", "late-night jazz history and listening sessions", "en"),
        ("Metal Archives Radio", "Iron Works Media", "the history of heavy metal, album by album", "en"),
        ("Classical Minutes", "Paper Moon Records", "one classical piece explained in every episode", "en"),
        ("The Producer's Chair", "Parallel Lines", "studio techniques and production stories", "en"),
        ("Tech Talk Weekly", "Signal Hill Media", "technology news for music makers", "en"),
        ("Le Son des Villes", "Midnight Ferry", "les scènes musicales des grandes villes", "fr"),
        ("True Sound Stories", "Granite Peak Music", "documentary storytelling about music scenes", "en"),
    ];

    public static readonly (string Title, string Author, string Narrator, string Publisher)[] Audiobooks =
    [
        ("Pride and Prejudice", "Jane Austen", "Clara Moreau", "Lantern House Audio"),
        ("Moby-Dick", "Herman Melville", "Jonas Eriksson", "Saltwater Audio"),
        ("Frankenstein", "Mary Shelley", "Hana Novak", "Paper Moon Audio"),
        ("The Time Machine", "H. G. Wells", "Ben Hughes", "Copperleaf Audio"),
        ("Dracula", "Bram Stoker", "Olga Petrov", "Midnight Ferry Audio"),
        ("The Adventures of Sherlock Holmes", "Arthur Conan Doyle", "Gus Brooks", "Lantern House Audio"),
        ("Alice's Adventures in Wonderland", "Lewis Carroll", "Maya Lindqvist", "Paper Moon Audio"),
        ("The War of the Worlds", "H. G. Wells", "Diego Castillo", "Copperleaf Audio"),
        ("Little Women", "Louisa May Alcott", "Rosa Garcia", "Saltwater Audio"),
        ("Treasure Island", "Robert Louis Stevenson", "Nils Jensen", "Midnight Ferry Audio"),
    ];

    /// <summary>
    /// Local files in some editorial playlists, by playlist name, as Spotify clients write their URIs:
    /// <c>spotify:local:{artist}:{album}:{title}:{seconds}</c>, each part form-encoded (a space is +).
    /// </summary>
    public static readonly Dictionary<string, string[]> LocalFiles = new(StringComparer.Ordinal)
    {
        ["Grunge"] =
        [
            "spotify:local:The+Basement+Tapes:Garage+Demos%3A+1991:Feedback+Loop:214",
            "spotify:local:::Untitled+Rehearsal:97",
        ],
        ["Brazilian Music"] =
        [
            "spotify:local:Quarteto+da+Praia:Ao+Vivo+no+Bar:Samba+da+Madrugada:181",
        ],
    };
}
