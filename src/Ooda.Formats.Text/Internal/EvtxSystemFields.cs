using Ooda.Core;

namespace Ooda.Formats.Text.Internal;

/// <summary>The <c>Event.System</c> values an event keeps, read before EventData but added to the fields after it.</summary>
internal struct EvtxSystemFields
{
    public const int Count = 16;

    public string? EventId;
    public string? Channel;
    public string? ProviderName;
    public string? ProviderGuid;
    public string? Computer;
    public string? RecordId;
    public string? Level;
    public string? Task;
    public string? Opcode;
    public string? Keywords;
    public string? Version;
    public string? ProcessId;
    public string? ThreadId;
    public string? UserId;
    public string? ActivityId;
    public string? SystemTime;

    /// <summary>Adds the values under their fixed field names, in this order, behind any EventData/UserData field of the same name.</summary>
    public readonly void AddTo(EventFields fields)
    {
        Add(fields, "EventID", EventId);
        Add(fields, "Channel", Channel);
        Add(fields, "Provider_Name", ProviderName);
        Add(fields, "Provider_Guid", ProviderGuid);
        Add(fields, "Computer", Computer);
        Add(fields, "EventRecordID", RecordId);
        Add(fields, "Level", Level);
        Add(fields, "Task", Task);
        Add(fields, "Opcode", Opcode);
        Add(fields, "Keywords", Keywords);
        Add(fields, "Version", Version);
        Add(fields, "Execution_ProcessID", ProcessId);
        Add(fields, "Execution_ThreadID", ThreadId);
        Add(fields, "Security_UserID", UserId);
        Add(fields, "Correlation_ActivityID", ActivityId);
        Add(fields, "TimeCreated_SystemTime", SystemTime);
    }

    private static void Add(EventFields fields, string name, string? value)
    {
        if (value is not null)
            fields.TryAdd(name, value);
    }
}
