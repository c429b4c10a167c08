# Indentation that matches no outer level.
if True:
        print("a")
    print("b")
