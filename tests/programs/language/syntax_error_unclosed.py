# An unclosed bracket is reported where it opened.
print("never printed")
values = [1, 2,
          3
total = sum(values)
