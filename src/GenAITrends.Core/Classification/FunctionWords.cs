using System.Collections.Frozen;

namespace GenAITrends.Core.Classification;

/// <summary>
/// Articles, pronouns, prepositions, conjunctions and auxiliaries of English and the European languages our posts
/// come in (French, Spanish, Portuguese, Italian, German), lower case. They say nothing about a theme, so term lists
/// and explanations leave them out even where a model gave them weight.
/// </summary>
public static class FunctionWords
{
    private static readonly FrozenSet<string> s_words = new[]
    {
        // en
        "a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from", "as", "is",
        "are", "was", "were", "be", "been", "being", "am", "do", "does", "did", "have", "has", "had", "it", "its", "this",
        "that", "these", "those", "i", "you", "he", "she", "we", "they", "me", "him", "her", "us", "them", "my", "your",
        "his", "our", "their", "not", "no", "so", "than", "then", "there", "here", "what", "which", "who", "when", "where",
        "how", "why", "all", "any", "can", "will", "would", "could", "should", "may", "might", "just", "also", "about",
        "into", "over", "out", "up", "more", "some", "only", "very", "too", "via",
        // fr
        "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "au", "aux", "et", "ou", "mais", "donc", "ni",
        "que", "qu", "qui", "quoi", "dont", "ce", "cet", "cette", "ces", "c", "il", "elle", "ils", "elles", "on", "nous",
        "vous", "je", "j", "tu", "me", "te", "se", "s", "n", "ne", "pas", "plus", "est", "sont", "être", "a", "ont", "avoir",
        "fait", "dans", "sur", "sous", "pour", "par", "avec", "sans", "chez", "en", "y", "son", "sa", "ses", "leur", "leurs",
        "mon", "ma", "mes", "ta", "tes", "notre", "nos", "votre", "vos", "tout", "tous", "toute", "toutes", "très",
        "comme", "aussi", "bien", "même", "autre", "autres", "sera", "seront", "était", "été", "peut", "faut",
        // es
        "el", "la", "los", "las", "lo", "un", "una", "unos", "unas", "y", "o", "pero", "que", "de", "del", "al", "en", "con",
        "por", "para", "sin", "sobre", "entre", "es", "ser", "está", "están", "estar", "fue", "ha", "han", "se", "su",
        "sus", "mi", "mis", "tu", "tus", "nuestro", "nuestra", "yo", "él", "ella", "ellos", "ellas", "nosotros", "le", "les",
        "me", "te", "nos", "no", "sí", "más", "muy", "como", "este", "esta", "estos", "estas", "ese", "esa", "eso", "esto",
        "también", "ya", "hay", "otro", "otra", "otros", "otras", "será", "puede", "pueden",
        // pt
        "o", "os", "as", "um", "uma", "uns", "umas", "e", "ou", "mas", "do", "da", "dos", "das", "no", "na", "nos", "nas",
        "ao", "aos", "à", "às", "em", "com", "por", "pra", "para", "pelo", "pela", "é", "são", "ser", "foi", "tem", "têm",
        "ele", "ela", "eles", "elas", "eu", "você", "vocês", "seu", "sua", "seus", "suas", "meu", "minha", "não", "mais",
        "muito", "como", "isso", "isto", "esse", "essa", "este", "esta", "também", "já", "outro", "outra", "pode", "vai",
        // it
        "il", "lo", "la", "i", "gli", "le", "un", "uno", "una", "e", "o", "ma", "di", "del", "della", "dei", "delle", "da",
        "dal", "dalla", "in", "nel", "nella", "su", "sul", "sulla", "con", "per", "tra", "fra", "è", "sono", "essere", "ha",
        "hanno", "che", "chi", "non", "più", "molto", "come", "questo", "questa", "quello", "quella", "anche", "già",
        "altro", "altri", "può",
        // de
        "der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines", "und", "oder", "aber",
        "ist", "sind", "sein", "haben", "wird", "werden", "mit", "von", "zu", "zum", "zur", "bei",
        "für", "auf", "aus", "an", "am", "im", "in", "um", "über", "unter", "nach", "vor", "nicht", "kein", "keine", "auch",
        "noch", "schon", "sehr", "ich", "du", "er", "sie", "es", "wir", "ihr", "uns", "man", "dass", "wie", "was", "wer",
        "wenn", "als", "so", "nur", "mehr", "andere", "anderen", "kann", "können", "muss", "alle", "alles", "jede", "jeder", "jedes",
    }.ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string word) => s_words.Contains(word);

    /// <summary>
    /// Whether every word of <paramref name="term"/> is a function word ("des", "de la"); an apostrophe separates
    /// words too, so elisions such as "c'est" and "qu'il" count as function words.
    /// </summary>
    public static bool OnlyFunctionWords(string term) =>
        term.AsSpan().IndexOfAny(Separators) < 0
            ? s_words.Contains(term) // one word: the common case, called per token by the term lists, without a split
            : term.Split(Separators, StringSplitOptions.RemoveEmptyEntries) is { Length: > 0 } words && words.All(s_words.Contains);

    private static readonly char[] Separators = [' ', '\'', '\u2019'];
}
