"""Basic statistics: a trimmed port of CPython 3.11 Lib/statistics.py for int and float data.

CPython computes with exact fractions and rounds once at the end; so does this port, with
(numerator, denominator) integer pairs instead of fractions.Fraction, so results (and whether
they come back as int or float) are CPython's. Decimal and Fraction data are not supported.
"""

from collections import Counter, defaultdict
from itertools import groupby

__all__ = [
    'StatisticsError', 'fmean', 'geometric_mean', 'harmonic_mean', 'mean', 'median',
    'median_grouped', 'median_high', 'median_low', 'mode', 'multimode', 'pstdev',
    'pvariance', 'quantiles', 'stdev', 'variance',
]


class StatisticsError(ValueError):
    pass


# ---- exact ratios ---------------------------------------------------------------------------

def _gcd(a, b):
    while b:
        a, b = b, a % b
    return abs(a)


def _norm(n, d):
    if d < 0:
        n, d = -n, -d
    g = _gcd(n, d)
    if g > 1:
        n //= g
        d //= g
    return n, d


def _add(a, b):
    return _norm(a[0] * b[1] + b[0] * a[1], a[1] * b[1])


def _exact_ratio(x):
    # mirrors statistics._exact_ratio: (numerator, denominator), or (x, None) for inf/nan
    try:
        return x.as_integer_ratio()
    except AttributeError:
        pass
    except (OverflowError, ValueError):
        return (x, None)
    msg = "can't convert type '{}' to numerator/denominator"
    raise TypeError(msg.format(type(x).__name__))


def _coerce(T, S):
    # mirrors statistics._coerce for int, bool and float
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    msg = "don't know how to coerce %s and %s"
    raise TypeError(msg % (T.__name__, S.__name__))


def _sum(data):
    # mirrors statistics._sum: (type, exact total as (n, d) or a non-finite float, count)
    count = 0
    types = set()
    types_add = types.add
    partials = {}
    partials_get = partials.get
    for typ, values in groupby(data, type):
        types_add(typ)
        for n, d in map(_exact_ratio, values):
            count += 1
            partials[d] = partials_get(d, 0) + n
    T = int
    for typ in types:
        T = _coerce(T, typ)
    if None in partials:
        return (T, partials[None], count)
    total = (0, 1)
    for d, n in partials.items():
        total = _add(total, _norm(n, d))
    return (T, total, count)


def _convert(value, T):
    # mirrors statistics._convert: an exact (n, d) to the data's type
    if not isinstance(value, tuple):
        return value   # inf or nan
    n, d = value
    if T is int and d != 1:
        T = float
    if T is int or T is bool:
        return n // d
    return n / d


def _ss(data, c=None):
    # mirrors statistics._ss: sum of squared deviations, exactly
    count = 0
    types = set()
    types_add = types.add
    sx_partials = defaultdict(int)
    sxx_partials = defaultdict(int)
    for typ, values in groupby(data, type):
        types_add(typ)
        for n, d in map(_exact_ratio, values):
            count += 1
            sx_partials[d] += n
            if d is not None:
                sxx_partials[d] += n * n
    T = int
    for typ in types:
        T = _coerce(T, typ)
    if not count:
        return (T, (0, 1), (0, 1), 0)
    if None in sx_partials:
        ssd = sx_partials[None]
        return (T, ssd, ssd, count)
    sx = (0, 1)
    for d, n in sx_partials.items():
        sx = _add(sx, _norm(n, d))
    sxx = (0, 1)
    for d, n in sxx_partials.items():
        sxx = _add(sxx, _norm(n, d * d))
    # ssd = (count * sxx - sx * sx) / count
    num = count * sxx[0] * sx[1] * sx[1] - sx[0] * sx[0] * sxx[1]
    den = sxx[1] * sx[1] * sx[1] * count
    ssd = _norm(num, den)
    c = _norm(sx[0], sx[1] * count)
    return (T, ssd, c, count)


def _isqrt(n):
    try:
        import math
        return math.isqrt(n)
    except (ImportError, AttributeError):
        x = int(n ** 0.5)
        while x * x > n:
            x -= 1
        while (x + 1) * (x + 1) <= n:
            x += 1
        return x


def _integer_sqrt_of_frac_rto(n, m):
    """Square root of n/m, rounded to the nearest integer using round-to-odd."""
    a = _isqrt(n // m)
    return a | (a*a*m != n)


_sqrt_bit_width = 2 * 53 + 3


def _float_sqrt_of_frac(n, m):
    """Square root of n/m as a float, correctly rounded."""
    q = (n.bit_length() - m.bit_length() - _sqrt_bit_width) // 2
    if q >= 0:
        numerator = _integer_sqrt_of_frac_rto(n, m << 2 * q) << q
        denominator = 1
    else:
        numerator = _integer_sqrt_of_frac_rto(n << -2 * q, m)
        denominator = 1 << -q
    return numerator / denominator   # Convert to float


def _fail_neg(values, errmsg='negative value'):
    for x in values:
        if x < 0:
            raise StatisticsError(errmsg)
        yield x


# ---- averages ----------------------------------------------------------------------------------

def mean(data):
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError('mean requires at least one data point')
    if not isinstance(total, tuple):
        return _convert(total, T)
    return _convert(_norm(total[0], total[1] * n), T)


def fmean(data, weights=None):
    import math
    try:
        n = len(data)
    except TypeError:
        n = 0
        def count(iterable):
            nonlocal n
            for n, x in enumerate(iterable, start=1):
                yield x
        data = count(data)
    if weights is None:
        total = math.fsum(data)
        if not n:
            raise StatisticsError('fmean requires at least one data point')
        return total / n
    try:
        num_weights = len(weights)
    except TypeError:
        weights = list(weights)
        num_weights = len(weights)
    num = math.fsum(map(lambda a, b: a * b, data, weights))
    if n != num_weights:
        raise StatisticsError('data and weights must be the same length')
    den = math.fsum(weights)
    if not den:
        raise StatisticsError('sum of weights must be non-zero')
    return num / den


def geometric_mean(data):
    import math
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError('geometric mean requires a non-empty dataset '
                              'containing positive numbers') from None


def harmonic_mean(data, weights=None):
    if iter(data) is data:
        data = list(data)
    errmsg = 'harmonic mean does not support negative values'
    n = len(data)
    if n < 1:
        raise StatisticsError('harmonic_mean requires at least one data point')
    elif n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float)):
            if x < 0:
                raise StatisticsError(errmsg)
            return x
        else:
            raise TypeError('unsupported type')
    if weights is None:
        weights = [1] * n
        sum_weights = (n, 1)
    else:
        if iter(weights) is weights:
            weights = list(weights)
        if len(weights) != n:
            raise StatisticsError('Number of weights does not match data size')
        _, sum_weights, _ = _sum(w for w in _fail_neg(weights, errmsg))
    try:
        data = _fail_neg(data, errmsg)
        T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, data))
    except ZeroDivisionError:
        return 0
    if total[0] <= 0:
        raise StatisticsError('Weighted sum must be positive')
    return _convert(_norm(sum_weights[0] * total[1], sum_weights[1] * total[0]), T)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        i = n // 2
        return (data[i - 1] + data[i]) / 2


def median_low(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    else:
        return data[n // 2 - 1]


def median_high(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    return data[n // 2]


def median_grouped(data, interval=1.0):
    data = sorted(data)
    n = len(data)
    if not n:
        raise StatisticsError("no median for empty data")
    x = data[n // 2]
    from bisect import bisect_left, bisect_right
    i = bisect_left(data, x)
    j = bisect_right(data, x, lo=i)
    try:
        interval = float(interval)
        x = float(x)
    except ValueError:
        raise TypeError(f'Value cannot be converted to a float')
    L = x - interval / 2.0
    cf = i
    f = j - i
    return L + interval * (n / 2 - cf) / f


def mode(data):
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError('no mode for empty data') from None


def multimode(data):
    counts = Counter(iter(data))
    if not counts:
        return []
    maxcount = max(counts.values())
    return [value for value, count in counts.items() if count == maxcount]


def quantiles(data, *, n=4, method='exclusive'):
    if n < 1:
        raise StatisticsError('n must be at least 1')
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError('must have at least two data points')
    if method == 'inclusive':
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == 'exclusive':
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld-1 if j > ld-1 else j
            delta = i*m - j*n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError(f'Unknown method: {method!r}')


# ---- measures of spread --------------------------------------------------------------------

def _mss(data, xbar, ddof, what, minimum):
    if iter(data) is data:
        data = list(data)
    T, ss, c, n = _ss(data, None)
    if n < minimum:
        raise StatisticsError(what)
    if not isinstance(ss, tuple):
        return T, ss
    return T, _norm(ss[0], ss[1] * (n - ddof))


def variance(data, xbar=None):
    T, mss = _mss(data, xbar, 1, 'variance requires at least two data points', 2)
    return _convert(mss, T)


def pvariance(data, mu=None):
    T, mss = _mss(data, mu, 0, 'pvariance requires at least one data point', 1)
    return _convert(mss, T)


def stdev(data, xbar=None):
    T, mss = _mss(data, xbar, 1, 'stdev requires at least two data points', 2)
    if not isinstance(mss, tuple):
        return float(mss)
    return _float_sqrt_of_frac(mss[0], mss[1])


def pstdev(data, mu=None):
    T, mss = _mss(data, mu, 0, 'pstdev requires at least one data point', 1)
    if not isinstance(mss, tuple):
        return float(mss)
    return _float_sqrt_of_frac(mss[0], mss[1])
