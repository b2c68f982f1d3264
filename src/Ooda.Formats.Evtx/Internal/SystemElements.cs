using System.Runtime.CompilerServices;

namespace Ooda.Formats.Evtx.Internal;

/// <summary>The first child of each name the event model reads from <c>System</c>, found in one pass over its children.</summary>
[InlineArray(Count)]
internal struct SystemElements
{
    public const int EventId = 0;
    public const int Provider = 1;
    public const int Channel = 2;
    public const int Computer = 3;
    public const int EventRecordId = 4;
    public const int Level = 5;
    public const int Task = 6;
    public const int Opcode = 7;
    public const int Keywords = 8;
    public const int Version = 9;
    public const int Execution = 10;
    public const int Security = 11;
    public const int Correlation = 12;
    public const int TimeCreated = 13;
    public const int Count = 14;

    private ElementView _element;

    /// <summary>Collects the elements; returns a bit per index that was found.</summary>
    public static int Collect(in ElementView system, ref SystemElements found)
    {
        var seen = 0;
        var children = system.Children;
        for (var i = 0; i < children.Length; i++)
        {
            var node = children[i];
            if (node.Kind != NodeKind.Element)
                continue;
            var element = node.Element;
            var index = IndexOf(element.Name);
            if (index < 0 || (seen & (1 << index)) != 0)
                continue;
            found[index] = element;
            seen |= 1 << index;
        }

        return seen;
    }

    private static int IndexOf(string name) => name switch
    {
        "EventID" => EventId,
        "Provider" => Provider,
        "Channel" => Channel,
        "Computer" => Computer,
        "EventRecordID" => EventRecordId,
        "Level" => Level,
        "Task" => Task,
        "Opcode" => Opcode,
        "Keywords" => Keywords,
        "Version" => Version,
        "Execution" => Execution,
        "Security" => Security,
        "Correlation" => Correlation,
        "TimeCreated" => TimeCreated,
        _ => -1,
    };
}
