namespace Ooda.Store;

/// <summary>One row a hunt query returned: the event's row id and one hit code the query computed for it.</summary>
public readonly record struct SqlHuntMatch(long RowId, int Hit);
