# The string module's constants (letters, digits, punctuation, whitespace) and capwords.
import string

print(string.ascii_lowercase)
print(string.ascii_uppercase)
print(string.ascii_letters, len(string.ascii_letters))
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation, len(string.punctuation))
print(repr(string.whitespace), len(string.whitespace))
print(len(string.printable), string.printable[:10], repr(string.printable[-6:]))

print(string.capwords("hello   wide world"))
print(string.capwords("  leading and trailing  "))
print(string.capwords("o'neil mcDONALD"), "o'neil mcDONALD".title())
print(string.capwords("a-b-c d-e", "-"), string.capwords("one,two", ","))


def check_password(pw):
    kinds = {
        "lower": any(c in string.ascii_lowercase for c in pw),
        "upper": any(c in string.ascii_uppercase for c in pw),
        "digit": any(c in string.digits for c in pw),
        "symbol": any(c in string.punctuation for c in pw),
    }
    missing = [k for k, ok in kinds.items() if not ok]
    return "strong" if len(pw) >= 8 and not missing else f"weak (missing {missing})"


for pw in ["hunter2", "Tr0ub4dor&3", "CORRECTHORSE", "abc!DEF9"]:
    print(f"{pw:<14}{check_password(pw)}")


def caesar(text, shift):
    out = []
    for ch in text:
        if ch in string.ascii_lowercase:
            out.append(string.ascii_lowercase[(string.ascii_lowercase.index(ch) + shift) % 26])
        elif ch in string.ascii_uppercase:
            out.append(string.ascii_uppercase[(string.ascii_uppercase.index(ch) + shift) % 26])
        else:
            out.append(ch)
    return "".join(out)


secret = caesar("Hello, World!", 3)
print(secret, caesar(secret, -3))


def is_hex(s):
    return bool(s) and all(c in string.hexdigits for c in s)


print([is_hex(s) for s in ["ff00", "C0FFEE", "xyz", ""]])
text = "Hi there,\tfriend!\n  How are you?"
print(text.translate(str.maketrans("", "", string.punctuation)))
print([w for w in text.split() if w.strip(string.punctuation).isalpha()])
print(sum(c in string.whitespace for c in text), "".join(c for c in text if c not in string.whitespace))
