using System.Collections.Frozen;
using GenAITrends.Core.Classification;

namespace GenAITrends.Core.Analytics;

/// <summary>
/// Words left out of term lists, the dashboard's rising terms (<see cref="RisingTerms"/>) and the PDF's
/// (<see cref="Reports.TermCounter"/>) alike: <see cref="FunctionWords"/>, plus common words of posts that name no
/// subject (time, people, thing), chat fillers and link debris (rt, amp, https).
/// </summary>
public static class TermStopWords
{
    private static readonly FrozenSet<string> s_common = new[]
    {
        "one", "let", "new", "now", "old", "see", "two", "get", "got", "use", "way", "own", "say", "says", "said",
        "like", "such", "much", "even", "most", "make", "made", "doing", "done", "each", "other", "after", "before",
        "again", "while", "because", "through", "inside", "under", "between", "without", "within", "across", "around",
        "every", "many", "well", "back", "first", "last", "next", "same", "better", "best", "big", "yet", "off",
        "it's", "i'm", "don't", "can't", "isn't", "that's", "you're", "what's", "let's", "amp", "lol", "yes", "yeah",
        "okay", "really", "thing", "things", "today", "still", "know", "think", "want", "need", "going", "good",
        "great", "time", "people", "https", "http", "yours", "day", "boy", "put", "take", "year", "look", "work",
        "give", "both", "few", "during", "further", "once", "don", "isn", "aren", "wasn", "weren", "won", "didn",
        "doesn", "hasn", "haven", "hadn", "shouldn", "wouldn", "couldn", "mustn", "we're", "they're", "there's",
        "won't", "didn't", "doesn't", "i've", "we've", "you've", "i'll", "we'll", "you'll", "www", "rt", "gonna",
        "never", "always", "right", "something", "anyone", "everyone", "nothing", "week", "month", "years", "months",
        "days", "here's", "one's", "i'd", "ever", "less", "makes", "using", "used", "onto", "upon", "against",
        "among", "already", "though", "although", "since", "whether", "must", "shall", "etc", "ok", "hey", "wow",
        "omg", "tbh", "imo", "lmao",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string term) => s_common.Contains(term) || FunctionWords.OnlyFunctionWords(term);
}
