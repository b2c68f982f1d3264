namespace Ooda.Store;

/// <summary>An analyst's note on a case, numbered from 1 in the order written.</summary>
public sealed record StoredCaseNote(int Number, DateTime At, string Author, string Text);
