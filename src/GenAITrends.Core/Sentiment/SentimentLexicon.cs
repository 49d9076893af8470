using System.Collections.Frozen;

namespace GenAITrends.Core.Sentiment;

/// <summary>
/// Small hand-written polarity lexicon (general English plus Twitter slang), emoticon and emoji tables.
/// Words are lower case, without elongation (the normaliser collapses "soooo" before lookup).
/// </summary>
public static class SentimentLexicon
{
    public static readonly string[] PositiveWords =
    [
        "good", "great", "excellent", "amazing", "awesome", "fantastic", "wonderful", "brilliant", "superb",
        "outstanding", "perfect", "best", "better", "nice", "lovely", "love", "loved", "loves", "loving", "lovin",
        "liked", "likes", "enjoy", "enjoyed", "enjoying", "enjoys", "happy", "happier", "happiest", "happily", "glad",
        "pleased", "delighted", "excited", "exciting", "excite", "thrilled", "thrilling", "fun", "funny", "hilarious",
        "cool", "beautiful", "gorgeous", "pretty", "cute", "adorable", "sweet", "kind", "kindness", "friendly",
        "helpful", "thank", "thanks", "thankful", "thx", "ty", "grateful", "gratitude", "appreciate", "appreciated",
        "appreciation", "blessed", "blessing", "bless", "congrats", "congratulations", "congratulate", "win", "wins",
        "won", "winner", "winning", "victory", "champion", "champions", "success", "successful", "succeed", "proud",
        "pride", "honored", "honoured", "incredible", "impressive", "impressed", "remarkable", "magnificent",
        "marvelous", "marvellous", "spectacular", "stunning", "fabulous", "fab", "terrific", "phenomenal", "epic",
        "legendary", "legend", "genius", "smart", "clever", "wise", "talented", "skilled", "favorite", "favourite",
        "fave", "fav", "recommend", "recommended", "worth", "worthy", "valuable", "useful", "positive", "optimistic",
        "hope", "hopeful", "hoping", "hopefully", "wish", "dream", "dreams", "inspire", "inspired", "inspiring",
        "inspiration", "motivated", "motivation", "encourage", "encouraging", "support", "supportive", "yay", "yey",
        "woohoo", "woo", "wooo", "hooray", "hurray", "yippee", "yess", "lol", "lmao", "lmfao", "rofl", "haha",
        "hahaha", "hehe", "heh", "xoxo", "xo", "hugs", "hug", "kiss", "kisses", "smile", "smiles", "smiling", "laugh",
        "laughing", "joy", "joyful", "cheers", "cheer", "celebrate", "celebrating", "celebration", "party",
        "partying", "relax", "relaxing", "relaxed", "peaceful", "peace", "calm", "comfortable", "cozy", "safe",
        "freedom", "fresh", "delicious", "tasty", "yummy", "yum", "glorious", "gracious", "grace", "heaven",
        "heavenly", "paradise", "fantastical", "magical", "magic", "wow", "woah", "whoa", "stoked", "pumped",
        "psyched", "ecstatic", "elated", "overjoyed", "content", "satisfied", "satisfying", "fulfilling", "rewarding",
        "fortunate", "lucky", "luckily", "welcome", "welcomed", "bravo", "kudos", "props", "respect", "respected",
        "admire", "admired", "adore", "adored", "charming", "elegant", "fancy", "decent", "solid", "strong",
        "stronger", "powerful", "healthy", "improve", "improved", "improvement", "improving", "progress", "boost",
        "gain", "gains", "profit", "rich", "bargain", "easy", "easier", "smooth", "efficient", "reliable", "trust",
        "trusted", "honest", "loyal", "faithful", "brave", "courage", "courageous", "hero", "heroes", "heroic",
        "superstar", "rocks", "rocked", "rocking", "slay", "slayed", "lit", "dope", "goals", "bae", "boss",
        "flawless", "iconic", "ace", "aced", "nailed", "crushed", "unbelievable", "miracle", "fantasy", "interesting",
        "fascinating", "intriguing", "entertaining", "engaging", "thoughtful", "generous", "caring", "sweetheart",
        "darling", "beloved", "passion", "passionate", "enthusiastic", "eager", "ready", "energetic", "lively",
        "vibrant", "bright", "sunny", "warm", "gentle", "classy", "stylish", "sexy", "handsome", "beauty",
        "masterpiece", "classic", "ideal", "finest", "greatest", "superior", "premium", "quality", "worthwhile",
        "glee", "gleeful", "merry", "jolly", "blissful", "bliss", "pleasure", "pleasant", "pleasing", "delight",
        "delightful", "refreshing", "recovered", "healed", "saved", "rescue", "rescued", "unite", "united", "friend",
        "friends", "bestie", "bff", "vacation", "excitement", "anticipation",
    ];

    public static readonly string[] NegativeWords =
    [
        "bad", "worse", "worst", "terrible", "horrible", "awful", "dreadful", "poor", "poorly", "lousy", "crap",
        "crappy", "shit", "shitty", "bullshit", "damn", "damned", "dammit", "hell", "fuck", "fucking", "fucked",
        "fck", "fml", "wtf", "smh", "ugh", "urgh", "argh", "grr", "meh", "boo", "booo", "hate", "hated", "hates",
        "hating", "hater", "haters", "dislike", "disliked", "sad", "sadly", "sadness", "unhappy", "depressed",
        "depressing", "depression", "miserable", "misery", "upset", "upsetting", "angry", "anger", "mad", "furious",
        "annoyed", "annoying", "annoys", "irritated", "irritating", "frustrated", "frustrating", "frustration",
        "disappointed", "disappointing", "disappointment", "disgusted", "disgusting", "disgrace", "disgraceful",
        "gross", "nasty", "ugly", "stupid", "dumb", "idiot", "idiots", "idiotic", "moron", "fool", "foolish",
        "ridiculous", "absurd", "pathetic", "lame", "boring", "bored", "dull", "tired", "exhausted", "ill", "pain",
        "painful", "hurt", "hurts", "hurting", "ache", "aches", "sore", "cry", "crying", "cried", "tears", "sob",
        "weep", "lonely", "alone", "lost", "lose", "loses", "losing", "loser", "losers", "loss", "fail", "fails",
        "failed", "failing", "failure", "fault", "wrong", "mistake", "mistakes", "error", "broken", "broke", "break",
        "breaks", "damage", "damaged", "destroy", "destroyed", "ruin", "ruined", "ruins", "waste", "wasted",
        "useless", "worthless", "hopeless", "helpless", "pointless", "problem", "problems", "issue", "issues",
        "trouble", "troubles", "difficult", "struggle", "struggling", "suffer", "suffering", "victim", "victims",
        "death", "dead", "die", "died", "dies", "dying", "kill", "kills", "killing", "murder", "murdered", "attack",
        "attacked", "attacks", "war", "violence", "violent", "terror", "terrorist", "terrorism", "bomb", "bombing",
        "shooting", "crash", "crashed", "accident", "disaster", "tragedy", "tragic", "crisis", "fear", "afraid",
        "scared", "scary", "terrified", "terrifying", "horror", "nightmare", "worry", "worried", "worrying",
        "anxious", "anxiety", "nervous", "stress", "stressed", "stressful", "panic", "shock", "shocked", "shocking",
        "sorry", "regret", "regrets", "shame", "ashamed", "shameful", "embarrassed", "embarrassing", "guilty",
        "blame", "blamed", "evil", "wicked", "cruel", "corrupt", "corruption", "fraud", "scam", "lie", "lies", "liar",
        "lying", "cheat", "cheated", "cheating", "steal", "stole", "stolen", "thief", "racist", "racism", "sexist",
        "hateful", "offensive", "insult", "insulting", "rude", "selfish", "arrogant", "greedy", "jealous", "envy",
        "sucks", "suck", "sucked", "sucky", "screwed", "screw", "pissed", "piss", "bitch", "bitches", "ass",
        "asshole", "bastard", "dick", "douche", "jerk", "trash", "garbage", "rubbish", "junk", "mess", "messy",
        "chaos", "horrendous", "horrific", "atrocious", "appalling", "outrage", "outrageous", "outraged",
        "unacceptable", "unfair", "injustice", "inferior", "weak", "weakness", "slow", "delay", "delayed", "cancel",
        "cancelled", "canceled", "cancellation", "banned", "ban", "reject", "rejected", "denied", "refuse", "refused",
        "missing", "miss", "missed", "misses", "goodbye", "rip", "mourn", "mourning", "grief", "funeral", "cancer",
        "disease", "virus", "injured", "injury", "wounded", "hospital", "poverty", "hungry", "starving", "homeless",
        "fired", "layoffs", "unemployed", "debt", "expensive", "overpriced", "ripoff", "nope", "unfortunately",
        "sigh", "disappoint", "heartbroken", "heartbreaking", "devastated", "devastating", "crushed", "awkward",
        "creepy", "weird", "strange", "confused", "confusing", "dangerous", "danger", "threat", "threatened",
        "threatening", "risk", "risky", "toxic", "poison", "sickening", "vile", "hideous", "horrid", "obnoxious",
        "irresponsible", "incompetent", "lazy", "clueless", "ignorant", "ignorance", "hypocrite", "hypocrisy",
        "disrespect", "disrespectful", "betray", "betrayed", "betrayal", "abuse", "abused", "abusive", "bully",
        "bullying", "harass", "harassment", "protest", "riot", "riots", "arrested", "prison", "jail", "condemn",
        "condemned", "slam", "slammed", "criticize", "criticized", "complain", "complaint", "complaints", "whine",
        "whining", "yuck", "eww", "ew", "dislikes",
    ];

    /// <summary>Words that open a negation scope (besides any token ending in n't).</summary>
    public static readonly string[] Negators =
    [
        "not", "no", "never", "nothing", "nobody", "none", "nor", "neither", "nowhere", "cannot", "cant", "dont", "wont",
        "isnt", "arent", "wasnt", "werent", "didnt", "doesnt", "hasnt", "havent", "hadnt", "couldnt", "shouldnt",
        "wouldnt", "aint", "ain't", "without", "lack", "lacks", "lacking",
    ];

    /// <summary>Emoticons read as positive. Matched case-sensitively, and a repeated last character (":)))") also matches.</summary>
    public static readonly string[] PositiveEmoticons =
    [
        ":)", ":-)", ":]", ":-]", "=)", "=]", ":D", ":-D", "=D", "xD", "XD", "x-D", "X-D", ";)", ";-)", ";D", ";-D", ";]",
        ":P", ":-P", ":p", ":-p", ";P", ";p", ";-p", ";-P", "xP", ":3", ";3", "x3", "<3", "^^", "^_^", "^.^",
        ":*", ":-*", ";*", "(:", "(-:", "(;", ":o)", ":')", ":'-)", "\\o/", "*-*", "*_*", ":>", ":->", "c:", "C:",
    ];

    /// <summary>Emoticons read as negative.</summary>
    public static readonly string[] NegativeEmoticons =
    [
        ":(", ":-(", ":[", ":-[", "=(", "=[", ":'(", ":'-(", ";(", ";-(", "D:", "D;", ":/", ":-/", ":\\", ":-\\",
        "=/", "=\\", ":|", ":-|", ":@", ">:(", ">:[", "):", ")-:", "-_-", "-.-", "T_T", "T.T", ";_;", "</3", ":S", ":-S",
        ":c", ":<", ":-<", ">.<", ">_<", "ಠ_ಠ",
    ];

    /// <summary>Emoji (as strings, so multi-code-unit ones work) read as positive.</summary>
    public static readonly string[] PositiveEmoji =
    [
        "😀", "😁", "😂", "🤣", "😃", "😄", "😅", "😆", "😉", "😊", "😋", "😎", "😍", "😘", "🥰", "😗", "😙", "😚", "🙂",
        "🤗", "🤩", "🥳", "😇", "😻", "😸", "😹", "😺", "😽", "👍", "👏", "🙌", "💪", "✌", "🎉", "🎊", "🎈", "🎁", "❤",
        "♥", "💕", "💖", "💗", "💓", "💞", "💘", "💝", "💙", "💚", "💛", "💜", "🧡", "🖤", "💯", "🔥", "✨", "⭐", "🌟",
        "☺", "👌", "🙏", "🏆", "🥇", "😌", "😜", "😝", "😛", "🤤", "💐", "🌹", "🌸", "☀", "🌞", "🍾", "🥂", "😏",
    ];

    /// <summary>Emoji read as negative.</summary>
    public static readonly string[] NegativeEmoji =
    [
        "😞", "😒", "😟", "😠", "😡", "🤬", "😔", "😕", "🙁", "☹", "😣", "😖", "😫", "😩", "😢", "😭", "😤", "😱", "😨",
        "😰", "😥", "😓", "💔", "👎", "😑", "🙄", "😬", "🤮", "🤢", "😷", "💩", "😪", "😿", "😾", "🤦", "🤷", "😳",
        "😵", "🤯", "😦", "😧", "💀", "☠", "🖕", "😈", "👿",
    ];

    public static FrozenSet<string> PositiveSet { get; } = Build(PositiveWords, NegativeWords);
    public static FrozenSet<string> NegativeSet { get; } = Build(NegativeWords, PositiveWords);
    public static FrozenSet<string> NegatorSet { get; } = Negators.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Polarity of a lower-case word: +1, -1 or 0. Words listed on both sides are ambiguous and score 0.</summary>
    public static int Polarity(string word) =>
        PositiveSet.Contains(word) ? 1 : NegativeSet.Contains(word) ? -1 : 0;

    /// <summary>Polarity of a lower-case word given as a span (no allocation).</summary>
    public static int Polarity(ReadOnlySpan<char> word)
    {
        if (PositiveLookup.Contains(word)) return 1;
        if (NegativeLookup.Contains(word)) return -1;
        return 0;
    }

    public static bool IsNegator(ReadOnlySpan<char> word) =>
        NegatorLookup.Contains(word) || word.EndsWith("n't", StringComparison.Ordinal);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PositiveLookup { get; } =
        PositiveSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegativeLookup { get; } =
        NegativeSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NegatorLookup { get; } =
        NegatorSet.GetAlternateLookup<ReadOnlySpan<char>>();

    private static FrozenSet<string> Build(string[] words, string[] other)
    {
        var exclude = new HashSet<string>(other, StringComparer.Ordinal);
        // Negators are handled by the negation scope, not as polarity words.
        exclude.UnionWith(Negators);
        return words.Where(w => !w.Contains(' ') && !w.EndsWith("n't", StringComparison.Ordinal) && !exclude.Contains(w))
            .ToFrozenSet(StringComparer.Ordinal);
    }
}
