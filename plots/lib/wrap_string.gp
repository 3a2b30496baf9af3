# plots/lib/wrap_string.gp: wrap_text broken between words into lines of at most
# wrap_width characters, joined by line breaks, into wrap_result (for an axis title or
# a label of several lines). Set wrap_text and wrap_width, then load this file.
wrap_result = ''
# Words are split at spaces by hand: word() would drop the quotes of a quoted name.
fs_line = ''
fs_rest = wrap_text
while (strlen(fs_rest) > 0) {
    fs_at = strstrt(fs_rest, ' ')
    fs_w = fs_at > 0 ? fs_rest[1:fs_at - 1] : fs_rest
    fs_rest = fs_at > 0 ? fs_rest[fs_at + 1:] : ''
    if (strlen(fs_w) == 0) { continue }
    if (strlen(fs_line) > 0 && strlen(fs_line) + 1 + strlen(fs_w) > wrap_width) {
        wrap_result = strlen(wrap_result) > 0 ? wrap_result . "\n" . fs_line : fs_line
        fs_line = fs_w
    } else {
        fs_line = strlen(fs_line) > 0 ? fs_line . ' ' . fs_w : fs_w
    }
}
if (strlen(fs_line) > 0) { wrap_result = strlen(wrap_result) > 0 ? wrap_result . "\n" . fs_line : fs_line }
