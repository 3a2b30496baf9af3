# plots/lib/wrap.gp: a text as labels of at most wrap_width characters each, broken
# between words, from screen position (wrap_x, wrap_y) down by wrap_step per line,
# with label tags from wrap_tag on, in font wrap_font. Set those and wrap_text, then
# load this file; it leaves wrap_y below the last line and wrap_tag after the last tag.
# Words are split at spaces by hand: word() would drop the quotes of a quoted name.
fs_line = ''
fs_rest = wrap_text
while (strlen(fs_rest) > 0) {
    fs_at = strstrt(fs_rest, ' ')
    fs_w = fs_at > 0 ? fs_rest[1:fs_at - 1] : fs_rest
    fs_rest = fs_at > 0 ? fs_rest[fs_at + 1:] : ''
    if (strlen(fs_w) == 0) { continue }
    if (strlen(fs_line) > 0 && strlen(fs_line) + 1 + strlen(fs_w) > wrap_width) {
        set label wrap_tag fs_line at screen wrap_x, screen wrap_y left font wrap_font
        wrap_tag = wrap_tag + 1
        wrap_y = wrap_y - wrap_step
        fs_line = fs_w
    } else {
        fs_line = strlen(fs_line) > 0 ? fs_line . ' ' . fs_w : fs_w
    }
}
if (strlen(fs_line) > 0) {
    set label wrap_tag fs_line at screen wrap_x, screen wrap_y left font wrap_font
    wrap_tag = wrap_tag + 1
    wrap_y = wrap_y - wrap_step
}
