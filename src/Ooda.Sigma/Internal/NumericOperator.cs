namespace Ooda.Sigma.Internal;

internal enum NumericOperator { Lt, Lte, Gt, Gte }
