# A grid of str methods over ASCII, Latin-1, Greek, Cyrillic and Korean samples.
samples = ["hello world", "Hello World", "HELLO", "ǅemal ǆ", "Straße", "ΣΟΦΟΣ σοφός", "Привет мир",
           "éclair À LA CRÈME", "İstanbul", "ﬁne", "안녕 World", "123", "½ ① ٣", "", "  padded\t\n"]
for s in samples:
    print(repr(s))
    print("  upper", repr(s.upper()), "lower", repr(s.lower()), "casefold", repr(s.casefold()))
    print("  title", repr(s.title()), "capitalize", repr(s.capitalize()), "swapcase", repr(s.swapcase()))
    flags = [name for name in ("isalpha", "isalnum", "isdecimal", "isdigit", "isnumeric", "isspace",
                               "isupper", "islower", "istitle", "isidentifier", "isprintable", "isascii")
             if getattr(s, name)()]
    print("  ", len(s), flags)
    print("  ", s.split(), s.strip(), s.center(20, "·"), s.expandtabs(4).rstrip())
