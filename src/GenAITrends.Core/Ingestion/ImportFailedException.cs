namespace GenAITrends.Core.Ingestion;

/// <summary>A whole-file problem: the import stops and the database is left as it was.</summary>
public sealed class ImportFailedException(string message, Exception? inner = null) : Exception(message, inner);
