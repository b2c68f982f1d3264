using System.Collections.Concurrent;

namespace Ooda.Web.Internal;

/// <summary>
/// Slows password guessing: after <see cref="MaxFailures"/> failed sign-ins of one name from one address within
/// <see cref="Window"/>, further attempts are refused without checking the password until the oldest failure ages out.
/// Keyed by address and name, so an attacker cannot lock other people out from elsewhere.
/// </summary>
internal sealed class LoginThrottle(TimeProvider clock)
{
    public const int MaxFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // Bounded: past this many tracked keys the oldest entries go, so a flood of names cannot grow memory without limit.
    private const int MaxKeys = 100_000;

    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> _failures = new(StringComparer.Ordinal);

    /// <summary>True when this address may try this name now.</summary>
    public bool Allows(string remote, string name)
    {
        if (!_failures.TryGetValue(Key(remote, name), out var times))
            return true;
        lock (times)
        {
            Expire(times);
            return times.Count < MaxFailures;
        }
    }

    public void Failed(string remote, string name)
    {
        if (_failures.Count >= MaxKeys)
            _failures.Clear();
        var times = _failures.GetOrAdd(Key(remote, name), _ => new Queue<DateTimeOffset>());
        lock (times)
        {
            Expire(times);
            times.Enqueue(clock.GetUtcNow());
        }
    }

    public void Succeeded(string remote, string name) => _failures.TryRemove(Key(remote, name), out _);

    private void Expire(Queue<DateTimeOffset> times)
    {
        var horizon = clock.GetUtcNow() - Window;
        while (times.Count > 0 && times.Peek() < horizon)
            times.Dequeue();
    }

    private static string Key(string remote, string name) => remote + "\u001f" + name.ToLowerInvariant();
}
