"""A collection of string constants, capwords and Template: a port of CPython 3.11
Lib/string.py. Template scans for placeholders by hand (there is no re module): the default
pattern ($$, $identifier, ${identifier}) and a custom `delimiter` work; a custom `idpattern`
or `pattern` regex does not. Formatter.format delegates to str.format.
"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


_sentinel_dict = {}
_id_start = '_' + ascii_letters
_id_rest = _id_start + digits


class _Match:
    # what Template.pattern's match objects tell: the kind of placeholder, its name, where
    # it starts and its text
    def __init__(self, kind, name, start, text):
        self.kind = kind      # 'escaped', 'named', 'braced' or 'invalid'
        self.name = name
        self.start = start
        self.text = text


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        # mirrors re.finditer over Template.pattern
        t = self.template
        d = self.delimiter
        n = len(t)
        i = 0
        while True:
            i = t.find(d, i)
            if i < 0:
                return
            j = i + len(d)
            if t.startswith(d, j):
                yield _Match('escaped', None, i, t[i:j + len(d)])
                i = j + len(d)
                continue
            if j < n and t[j] in _id_start:
                k = j + 1
                while k < n and t[k] in _id_rest:
                    k += 1
                yield _Match('named', t[j:k], i, t[i:k])
                i = k
                continue
            if j < n and t[j] == '{' and j + 1 < n and t[j + 1] in _id_start:
                k = j + 2
                while k < n and t[k] in _id_rest:
                    k += 1
                if k < n and t[k] == '}':
                    yield _Match('braced', t[j + 1:k], i, t[i:k + 1])
                    i = k + 1
                    continue
            yield _Match('invalid', None, i, t[i:j])
            i = j

    def _invalid(self, mo):
        i = mo.start + len(self.delimiter)   # where the (empty) invalid group starts
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _sub(self, convert):
        parts = []
        pos = 0
        for mo in self._scan():
            parts.append(self.template[pos:mo.start])
            parts.append(convert(mo))
            pos = mo.start + len(mo.text)
        parts.append(self.template[pos:])
        return ''.join(parts)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        def convert(mo):
            if mo.name is not None:
                return str(mapping[mo.name])
            if mo.kind == 'escaped':
                return self.delimiter
            self._invalid(mo)
        return self._sub(convert)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            from collections import ChainMap
            mapping = ChainMap(kws, mapping)

        def convert(mo):
            if mo.name is not None:
                try:
                    return str(mapping[mo.name])
                except KeyError:
                    return mo.text
            if mo.kind == 'escaped':
                return self.delimiter
            return mo.text
        return self._sub(convert)

    def is_valid(self):
        for mo in self._scan():
            if mo.kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for mo in self._scan():
            if mo.name is not None and mo.name not in ids:
                ids.append(mo.name)
        return ids


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        else:
            return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
