# warnings (captured, so stdout shows them), textwrap, statistics.
import warnings
import textwrap
import statistics

def fmt(w):
    return f'{w.category.__name__}: {w.message} (line {w.lineno})'

def old_api():
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.warn("plain warning")
    warnings.warn("runtime", RuntimeWarning)
    old_api()
    warnings.warn(UserWarning("instance"))
print([fmt(w) for w in caught])
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("default")
    for i in range(3):
        warnings.warn("repeated")
    print(len(caught))
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    warnings.filterwarnings("ignore", message="noisy")
    warnings.warn("noisy thing")
    warnings.warn("NOISY too")
    warnings.warn("kept")
    print([str(w.message) for w in caught])
with warnings.catch_warnings():
    warnings.simplefilter("error")
    try:
        warnings.warn("now an error")
    except UserWarning as e:
        print('raised:', e)
    try:
        warnings.warn("dep", DeprecationWarning)
    except DeprecationWarning as e:
        print('raised:', repr(e))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("silenced")
print(warnings.formatwarning("msg", UserWarning, "file.py", 12, "x = 1"), end='')
try:
    warnings.warn("bad", int)
except TypeError as e:
    print('TypeError:', e)

sample = "The quick brown fox jumps over the lazy dog. " * 3
print(textwrap.wrap(sample, width=30))
print(textwrap.fill(sample, width=40, initial_indent='> ', subsequent_indent='  '))
print(textwrap.shorten("Hello  world! This is a long sentence.", width=20))
print(textwrap.shorten("Hello world", width=11), textwrap.shorten("Hello world", width=10, placeholder='..'))
print(repr(textwrap.dedent("""
    def hello():
        print('hi')
      
    done
""")))
print(textwrap.indent("line one\n\nline two", "    "))
print(textwrap.indent("a\nb", "+ ", lambda line: line.startswith('b')))
print(textwrap.wrap("a well-known self-evident e-mail", width=12))
print(textwrap.wrap("supercalifragilistic", width=6), textwrap.wrap("", 10), textwrap.wrap("  ", 10))
print(textwrap.wrap("word " * 10, width=12, max_lines=2))
w = textwrap.TextWrapper(width=15, break_long_words=False)
print(w.wrap("antidisestablishmentarianism is long"))

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.mean([1, 2, 3, 4]), statistics.mean([0.1, 0.2, 0.3]))
print(statistics.median(data), statistics.median([3, 1, 2]), statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]))
print(statistics.mode([1, 1, 2, 3, 3, 3]), statistics.mode('aabbbc'), statistics.multimode('aabbcd'))
print(statistics.pstdev(data), statistics.stdev(data), statistics.variance(data), statistics.pvariance(data))
print(statistics.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), statistics.variance([1, 2, 3]))
print(statistics.fmean([3.5, 4.0, 5.25]), statistics.quantiles([1, 2, 3, 4, 5, 6, 7, 8], n=4))
print(statistics.harmonic_mean([40, 60]), statistics.geometric_mean([54, 24, 36]) > 35.99)
for bad in (lambda: statistics.mean([]), lambda: statistics.stdev([1]), lambda: statistics.median([]), lambda: statistics.mode([])):
    try:
        bad()
    except statistics.StatisticsError as e:
        print('StatisticsError:', e)
print(issubclass(statistics.StatisticsError, ValueError))
