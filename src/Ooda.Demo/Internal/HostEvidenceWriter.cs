namespace Ooda.Demo.Internal;

/// <summary>Writes one host's logs: Windows events for every host, IIS and HttpProxy logs for Exchange servers.</summary>
internal sealed class HostEvidenceWriter(OutputTracker output, HostProfile host, ProxyShellIntrusion intrusion, DemoOptions options)
{
    private static readonly TimeSpan _probeInterval = TimeSpan.FromMinutes(15);

    private readonly DateTime _end = DemoOptions.Start.AddDays(DemoOptions.Days);

    public string Folder { get; } = "collection/" + host.Host.Tenant + "/" + host.Host.Name;

    public void Write(CancellationToken cancellationToken)
    {
        WriteWindowsEvents(cancellationToken);
        if (host.Host.IsExchange)
            WriteWebLogs(cancellationToken);
        CapturedFiles.Write(output, host, intrusion, DemoRandom.For(options.Seed, "files:" + host.Host.Name), Folder);
    }

    private void WriteWindowsEvents(CancellationToken cancellationToken)
    {
        var random = DemoRandom.For(options.Seed, "windows:" + host.Host.Name);
        var queue = new TimedQueue<WinEvent>();
        var events = new WindowsEvents(host, random, queue);
        intrusion.AddWindowsEvents(events);
        BenignLookalikes.AddWindowsEvents(events, intrusion);
        var benign = new BenignActivity(events, random);
        var perDay = benign.ActivitiesPerDay * options.Scale;

        var writers = new Dictionary<string, EvtxJsonWriter>(StringComparer.Ordinal);
        try
        {
            void Drain(DateTime limit)
            {
                foreach (var e in queue.DrainBefore(limit))
                {
                    if (!writers.TryGetValue(e.Channel.FileName, out var writer))
                    {
                        writer = new EvtxJsonWriter(output, Folder + "/evtx/" + e.Channel.FileName, host.Computer, random.Next(10_000, 900_000));
                        writers[e.Channel.FileName] = writer;
                    }

                    writer.Write(e);
                }
            }

            var day = -1;
            var next = Diurnal.Next(random, DemoOptions.Start, perDay);
            while (true)
            {
                while (day + 1 < DemoOptions.Days && DemoOptions.Start.AddDays(day + 1) <= Min(next, _end))
                {
                    day++;
                    benign.Daily(DemoOptions.Start.AddDays(day), day);
                }

                if (next >= _end)
                    break;
                cancellationToken.ThrowIfCancellationRequested();
                Drain(next);
                benign.Start(next);
                next = Diurnal.Next(random, next, perDay);
            }

            Drain(_end);
        }
        finally
        {
            foreach (var name in writers.Keys.Order(StringComparer.Ordinal))
                writers[name].Dispose();
        }
    }

    private void WriteWebLogs(CancellationToken cancellationToken)
    {
        var random = DemoRandom.For(options.Seed, "web:" + host.Host.Name);
        var traffic = new ExchangeTraffic(host, random);
        var queue = new TimedQueue<WebRequest>();
        intrusion.AddWebRequests(host, queue);
        var perDay = traffic.ActivitiesPerDay * options.Scale;

        using var iis = new IisLogWriter(output, Folder + "/inetpub/logs/LogFiles/W3SVC1", host.Host.Ip);
        using var proxy = new HttpProxyLogWriter(output, Folder + "/Exchange/Logging/HttpProxy", host);
        void Drain(DateTime limit)
        {
            foreach (var r in queue.DrainBefore(limit))
            {
                iis.Write(r);
                proxy.Write(r);
            }
        }

        var nextProbe = DemoOptions.Start.AddSeconds(random.Next(5, 600));
        var next = Diurnal.Next(random, DemoOptions.Start, perDay);
        while (true)
        {
            var now = Min(next, nextProbe);
            if (now >= _end)
                break;
            cancellationToken.ThrowIfCancellationRequested();
            Drain(now);
            if (nextProbe <= next)
            {
                traffic.Probe(queue, nextProbe);
                nextProbe = nextProbe.Add(_probeInterval).AddMilliseconds(random.Next(-900, 900));
            }
            else
            {
                traffic.StartActivity(queue, next);
                next = Diurnal.Next(random, next, perDay);
            }
        }

        Drain(_end);
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;
}
