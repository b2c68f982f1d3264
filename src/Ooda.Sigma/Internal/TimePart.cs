namespace Ooda.Sigma.Internal;

internal enum TimePart { Minute, Hour, Day, Week, Month, Year }
