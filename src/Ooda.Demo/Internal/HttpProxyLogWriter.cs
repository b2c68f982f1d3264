using System.Globalization;
using System.Text;

namespace Ooda.Demo.Internal;

/// <summary>
/// Writes Exchange HttpProxy logs (CSV with a <c>#Fields</c> header, RFC 4180 quoting), one folder per protocol
/// and one <c>HttpProxy_YYYYMMDD00-1.LOG</c> per UTC day.
/// </summary>
internal sealed class HttpProxyLogWriter(OutputTracker output, string folder, HostProfile server) : IDisposable
{
    private const string Fields = "DateTime,RequestId,MajorVersion,MinorVersion,BuildVersion,RevisionVersion,ClientRequestId,Protocol,UrlHost,UrlStem,ProtocolAction,AuthenticationType,IsAuthenticated,AuthenticatedUser,Organization,AnchorMailbox,UserAgent,ClientIpAddress,ServerHostName,HttpStatus,BackEndStatus,ErrorCode,Method,ProxyAction,TargetServer,TargetServerVersion,RoutingType,RoutingHint,BackEndCookie,ServerLocatorHost,ServerLocatorLatency,RequestBytes,ResponseBytes,TargetOutstandingRequests,AuthModulePerfContext,HttpPipelineLatency,CalculateTargetBackEndLatency,GlsLatencyBreakup,TotalGlsLatency,AccountForestLatencyBreakup,TotalAccountForestLatency,ResourceForestLatencyBreakup,TotalResourceForestLatency,ADLatency,SharedCacheLatencyBreakup,TotalSharedCacheLatency,ActivityContextLifeTime,ModuleToHandlerSwitchingLatency,ClientReqStreamLatency,BackendReqInitLatency,BackendReqStreamLatency,BackendProcessingLatency,BackendRespInitLatency,BackendRespStreamLatency,ClientRespStreamLatency,KerberosAuthHeaderLatency,HandlerCompletionLatency,RequestHandlerLatency,HandlerToModuleSwitchingLatency,ProxyTime,CoreLatency,RoutingLatency,HttpProxyOverhead,TotalRequestTime,UrlQuery,BackEndGenericInfo,GenericInfo,GenericErrors,EdgeTraceId,DatabaseGuid,UserADObjectGuid,PartitionEndpointLookupLatency,RoutingStatus";

    private readonly Dictionary<string, Stream> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Path, long Count)> _state = new(StringComparer.Ordinal);
    private static readonly string[] _names = Fields.Split(',');

    private readonly StringBuilder _line = new(1024);
    private readonly string?[] _values = new string?[_names.Length];
    private readonly string[] _build = (server.ActualBuild ?? "15.0.0.0").Split('.');
    private DateTime _day;

    public void Write(WebRequest r)
    {
        if (r.Protocol is null)
            return;
        var day = r.Time.Date;
        if (day != _day)
        {
            CloseAll();
            _day = day;
        }

        if (!_open.TryGetValue(r.Protocol, out var stream))
        {
            var path = folder + "/" + r.Protocol + "/HttpProxy_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + "00-1.LOG";
            stream = output.Create(path);
            _open[r.Protocol] = stream;
            _state[r.Protocol] = (path, 0);
            var header = "#Software: Microsoft Exchange Server\r\n#Version: " + server.LongBuild + "\r\n#Log-type: HttpProxy Logs\r\n#Date: "
                + Iso(r.Time) + "\r\n#Fields: " + Fields + "\r\n";
            stream.Write(Encoding.UTF8.GetBytes(header));
        }

        var total = Math.Max(r.TimeTaken, 1);
        var proxied = r.BackEndStatus != 0;
        var backend = proxied ? Math.Max(total - 4, 0) : 0;
        var v = _values;
        Array.Clear(v);
        v[F.DateTime] = Iso(r.Time);
        v[F.RequestId] = r.RequestId.ToString("D");
        v[F.MajorVersion] = _build[0];
        v[F.MinorVersion] = _build[1];
        v[F.BuildVersion] = _build[2];
        v[F.RevisionVersion] = _build[3];
        v[F.ClientRequestId] = r.ClientRequestId;
        v[F.Protocol] = r.Protocol;
        v[F.UrlHost] = server.MailHost;
        v[F.UrlStem] = r.Stem;
        v[F.ProtocolAction] = r.ProtocolAction;
        v[F.AuthenticationType] = r.AuthenticationType;
        v[F.IsAuthenticated] = r.AuthenticatedUser is null ? "False" : "True";
        v[F.AuthenticatedUser] = r.AuthenticatedUser;
        v[F.AnchorMailbox] = r.AnchorMailbox;
        v[F.UserAgent] = r.UserAgent;
        v[F.ClientIpAddress] = r.ClientIp;
        v[F.ServerHostName] = server.Netbios;
        v[F.HttpStatus] = Int(r.Status);
        v[F.ErrorCode] = r.ErrorCode;
        v[F.Method] = r.Method;
        v[F.RoutingHint] = r.RoutingHint;
        v[F.RequestBytes] = Int(r.RequestBytes);
        v[F.ResponseBytes] = Int(r.ResponseBytes);
        v[F.HttpPipelineLatency] = "0";
        v[F.CalculateTargetBackEndLatency] = "0";
        v[F.TotalGlsLatency] = "0";
        v[F.TotalAccountForestLatency] = "0";
        v[F.TotalResourceForestLatency] = "0";
        v[F.ADLatency] = "0";
        v[F.TotalSharedCacheLatency] = "0";
        v[F.ActivityContextLifeTime] = Int(total);
        v[F.ModuleToHandlerSwitchingLatency] = "0";
        v[F.ClientReqStreamLatency] = "0";
        v[F.CoreLatency] = Int(backend);
        v[F.HttpProxyOverhead] = Int(total - backend);
        v[F.TotalRequestTime] = Int(total);
        v[F.UrlQuery] = r.Query is null ? null : "?" + r.Query;
        v[F.GenericInfo] = r.GenericInfo;
        if (proxied)
        {
            v[F.BackEndStatus] = Int(r.BackEndStatus);
            v[F.ProxyAction] = "Proxy";
            v[F.TargetServer] = r.TargetServer ?? server.Host.Fqdn;
            v[F.TargetServerVersion] = server.LongBuild;
            v[F.RoutingType] = "Local";
            v[F.TargetOutstandingRequests] = "0";
            v[F.BackendReqInitLatency] = "0";
            v[F.BackendProcessingLatency] = Int(backend);
            v[F.BackendRespInitLatency] = "0";
            v[F.ProxyTime] = Int(backend);
            v[F.RoutingLatency] = "0";
        }

        var line = _line.Clear();
        for (var i = 0; i < v.Length; i++)
        {
            if (i > 0)
                line.Append(',');
            Csv(line, v[i]);
        }

        line.Append("\r\n");
        stream.Write(Encoding.UTF8.GetBytes(line.ToString()));
        var (p, c) = _state[r.Protocol];
        _state[r.Protocol] = (p, c + 1);
    }

    public void Dispose() => CloseAll();

    private static string Iso(DateTime time) => time.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Appends one field, quoted (RFC 4180) only when it holds a comma, quote or line break.</summary>
    private static void Csv(StringBuilder line, string? value)
    {
        if (string.IsNullOrEmpty(value))
            return;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private void CloseAll()
    {
        foreach (var protocol in _open.Keys.Order(StringComparer.Ordinal))
        {
            var stream = _open[protocol];
            stream.Flush();
            var (path, count) = _state[protocol];
            output.Record(path, DemoFileKind.HttpProxy, count, stream.Length);
            stream.Dispose();
        }

        _open.Clear();
        _state.Clear();
    }

    /// <summary>Column positions, looked up once from the #Fields line.</summary>
    private static class F
    {
        public static readonly int DateTime = Array.IndexOf(_names, "DateTime");
        public static readonly int RequestId = Array.IndexOf(_names, "RequestId");
        public static readonly int MajorVersion = Array.IndexOf(_names, "MajorVersion");
        public static readonly int MinorVersion = Array.IndexOf(_names, "MinorVersion");
        public static readonly int BuildVersion = Array.IndexOf(_names, "BuildVersion");
        public static readonly int RevisionVersion = Array.IndexOf(_names, "RevisionVersion");
        public static readonly int ClientRequestId = Array.IndexOf(_names, "ClientRequestId");
        public static readonly int Protocol = Array.IndexOf(_names, "Protocol");
        public static readonly int UrlHost = Array.IndexOf(_names, "UrlHost");
        public static readonly int UrlStem = Array.IndexOf(_names, "UrlStem");
        public static readonly int ProtocolAction = Array.IndexOf(_names, "ProtocolAction");
        public static readonly int AuthenticationType = Array.IndexOf(_names, "AuthenticationType");
        public static readonly int IsAuthenticated = Array.IndexOf(_names, "IsAuthenticated");
        public static readonly int AuthenticatedUser = Array.IndexOf(_names, "AuthenticatedUser");
        public static readonly int Organization = Array.IndexOf(_names, "Organization");
        public static readonly int AnchorMailbox = Array.IndexOf(_names, "AnchorMailbox");
        public static readonly int UserAgent = Array.IndexOf(_names, "UserAgent");
        public static readonly int ClientIpAddress = Array.IndexOf(_names, "ClientIpAddress");
        public static readonly int ServerHostName = Array.IndexOf(_names, "ServerHostName");
        public static readonly int HttpStatus = Array.IndexOf(_names, "HttpStatus");
        public static readonly int BackEndStatus = Array.IndexOf(_names, "BackEndStatus");
        public static readonly int ErrorCode = Array.IndexOf(_names, "ErrorCode");
        public static readonly int Method = Array.IndexOf(_names, "Method");
        public static readonly int ProxyAction = Array.IndexOf(_names, "ProxyAction");
        public static readonly int TargetServer = Array.IndexOf(_names, "TargetServer");
        public static readonly int TargetServerVersion = Array.IndexOf(_names, "TargetServerVersion");
        public static readonly int RoutingType = Array.IndexOf(_names, "RoutingType");
        public static readonly int RoutingHint = Array.IndexOf(_names, "RoutingHint");
        public static readonly int BackEndCookie = Array.IndexOf(_names, "BackEndCookie");
        public static readonly int ServerLocatorHost = Array.IndexOf(_names, "ServerLocatorHost");
        public static readonly int ServerLocatorLatency = Array.IndexOf(_names, "ServerLocatorLatency");
        public static readonly int RequestBytes = Array.IndexOf(_names, "RequestBytes");
        public static readonly int ResponseBytes = Array.IndexOf(_names, "ResponseBytes");
        public static readonly int TargetOutstandingRequests = Array.IndexOf(_names, "TargetOutstandingRequests");
        public static readonly int AuthModulePerfContext = Array.IndexOf(_names, "AuthModulePerfContext");
        public static readonly int HttpPipelineLatency = Array.IndexOf(_names, "HttpPipelineLatency");
        public static readonly int CalculateTargetBackEndLatency = Array.IndexOf(_names, "CalculateTargetBackEndLatency");
        public static readonly int GlsLatencyBreakup = Array.IndexOf(_names, "GlsLatencyBreakup");
        public static readonly int TotalGlsLatency = Array.IndexOf(_names, "TotalGlsLatency");
        public static readonly int AccountForestLatencyBreakup = Array.IndexOf(_names, "AccountForestLatencyBreakup");
        public static readonly int TotalAccountForestLatency = Array.IndexOf(_names, "TotalAccountForestLatency");
        public static readonly int ResourceForestLatencyBreakup = Array.IndexOf(_names, "ResourceForestLatencyBreakup");
        public static readonly int TotalResourceForestLatency = Array.IndexOf(_names, "TotalResourceForestLatency");
        public static readonly int ADLatency = Array.IndexOf(_names, "ADLatency");
        public static readonly int SharedCacheLatencyBreakup = Array.IndexOf(_names, "SharedCacheLatencyBreakup");
        public static readonly int TotalSharedCacheLatency = Array.IndexOf(_names, "TotalSharedCacheLatency");
        public static readonly int ActivityContextLifeTime = Array.IndexOf(_names, "ActivityContextLifeTime");
        public static readonly int ModuleToHandlerSwitchingLatency = Array.IndexOf(_names, "ModuleToHandlerSwitchingLatency");
        public static readonly int ClientReqStreamLatency = Array.IndexOf(_names, "ClientReqStreamLatency");
        public static readonly int BackendReqInitLatency = Array.IndexOf(_names, "BackendReqInitLatency");
        public static readonly int BackendReqStreamLatency = Array.IndexOf(_names, "BackendReqStreamLatency");
        public static readonly int BackendProcessingLatency = Array.IndexOf(_names, "BackendProcessingLatency");
        public static readonly int BackendRespInitLatency = Array.IndexOf(_names, "BackendRespInitLatency");
        public static readonly int BackendRespStreamLatency = Array.IndexOf(_names, "BackendRespStreamLatency");
        public static readonly int ClientRespStreamLatency = Array.IndexOf(_names, "ClientRespStreamLatency");
        public static readonly int KerberosAuthHeaderLatency = Array.IndexOf(_names, "KerberosAuthHeaderLatency");
        public static readonly int HandlerCompletionLatency = Array.IndexOf(_names, "HandlerCompletionLatency");
        public static readonly int RequestHandlerLatency = Array.IndexOf(_names, "RequestHandlerLatency");
        public static readonly int HandlerToModuleSwitchingLatency = Array.IndexOf(_names, "HandlerToModuleSwitchingLatency");
        public static readonly int ProxyTime = Array.IndexOf(_names, "ProxyTime");
        public static readonly int CoreLatency = Array.IndexOf(_names, "CoreLatency");
        public static readonly int RoutingLatency = Array.IndexOf(_names, "RoutingLatency");
        public static readonly int HttpProxyOverhead = Array.IndexOf(_names, "HttpProxyOverhead");
        public static readonly int TotalRequestTime = Array.IndexOf(_names, "TotalRequestTime");
        public static readonly int UrlQuery = Array.IndexOf(_names, "UrlQuery");
        public static readonly int BackEndGenericInfo = Array.IndexOf(_names, "BackEndGenericInfo");
        public static readonly int GenericInfo = Array.IndexOf(_names, "GenericInfo");
        public static readonly int GenericErrors = Array.IndexOf(_names, "GenericErrors");
        public static readonly int EdgeTraceId = Array.IndexOf(_names, "EdgeTraceId");
        public static readonly int DatabaseGuid = Array.IndexOf(_names, "DatabaseGuid");
        public static readonly int UserADObjectGuid = Array.IndexOf(_names, "UserADObjectGuid");
        public static readonly int PartitionEndpointLookupLatency = Array.IndexOf(_names, "PartitionEndpointLookupLatency");
        public static readonly int RoutingStatus = Array.IndexOf(_names, "RoutingStatus");
    }
}
