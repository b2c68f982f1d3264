namespace Ooda.Engine.Hunt;

/// <summary>How a hunt over the workspace store evaluates the rules.</summary>
public enum HuntEngine
{
    /// <summary>Stream every stored event through the in-memory evaluator.</summary>
    Memory,
    /// <summary>Compile the rules to DuckDB SQL and let the store find the matching events; the same detections.</summary>
    Sql,
}
