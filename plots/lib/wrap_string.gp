# plots/lib/wrap_string.gp: wrap_text broken between words into lines of at most
# wrap_width characters, joined by line breaks, into wrap_result (for an axis title or
# a label of several lines). Set wrap_text and wrap_width, then load this file.
wrap_result = ''
fs_line = ''
do for [fs_i = 1:words(wrap_text)] {
    fs_w = word(wrap_text, fs_i)
    if (strlen(fs_line) > 0 && strlen(fs_line) + 1 + strlen(fs_w) > wrap_width) {
        wrap_result = strlen(wrap_result) > 0 ? wrap_result . "\n" . fs_line : fs_line
        fs_line = fs_w
    } else {
        fs_line = strlen(fs_line) > 0 ? fs_line . ' ' . fs_w : fs_w
    }
}
if (strlen(fs_line) > 0) { wrap_result = strlen(wrap_result) > 0 ? wrap_result . "\n" . fs_line : fs_line }
