# The calendar functions of `time`: broken-down times, formatting, and their errors. Fixed
# timestamps keep the output the same from run to run; local time is this machine's zone.
import time

moment = 1_700_000_000
utc = time.gmtime(moment)
print(utc)
print(utc.tm_year, utc.tm_mon, utc.tm_mday, utc.tm_wday, utc.tm_yday, utc[0], utc[-1], utc.tm_zone)
print(time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %%", utc))
print(time.asctime(utc), "|", time.gmtime(0))
local = time.localtime(moment)
print(time.mktime(local) == moment, time.ctime(moment) == time.asctime(local))
print(time.strftime("%H:%M", local) == f"{local.tm_hour:02}:{local.tm_min:02}")
print(time.strftime("%d/%m/%Y", (2024, 2, 29, 12, 0, 0, 3, 60, 0)))
print(len(time.strftime("%X")), type(time.localtime().tm_year), time.gmtime(1.9).tm_sec)
print(time.asctime((2026, 12, 7, 2, 22, 32, 0, 341, 0)))

for call in [
    lambda: time.strftime("%Y", (2024, 13, 1, 0, 0, 0, 0, 1, 0)),
    lambda: time.strftime("%Y", (1, 2)),
    lambda: time.strftime(5),
    lambda: time.gmtime(float("nan")),
    lambda: time.gmtime("x"),
]:
    try:
        call()
    except ValueError as e:
        print("ValueError:", e)
    except TypeError as e:
        print("TypeError:", e)
