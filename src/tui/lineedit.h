/* lineedit.h - the one line editor: the text and cursor of a one-line
 * field, and the edits on it (type, paste, delete, move, kill word).
 *
 * Shared by the bottom-line prompt (prompt.c) and the wizard's fields
 * (wizard_view.c), which map their keys to these operations through the
 * key table's "Text fields" scope; it knows nothing of keys or curses, so
 * it is unit-tested on its own (tests/unit/test_lineedit.c).  The text is
 * UTF-8 and the cursor a byte offset that is always at a character
 * boundary. */
#ifndef LLMDECK_TUI_LINEEDIT_H
#define LLMDECK_TUI_LINEEDIT_H

#include <stddef.h>
#include <stdint.h>

typedef struct {
    char *buf;   /* the caller's buffer, always NUL-terminated */
    size_t size; /* its size: the text holds at most size - 1 bytes */
    size_t len;  /* bytes of text */
    size_t cur;  /* cursor, 0..len */
} le_line;

typedef enum {
    LE_LEFT, LE_RIGHT, LE_HOME, LE_END, /* move */
    LE_BS, LE_DEL,                      /* the character before / under the cursor */
    LE_KILL_LINE, LE_KILL_END,          /* the whole line / to its end */
    LE_KILL_WORD                        /* the word before the cursor (and blanks after it) */
} le_op;

/* Sets the field to text (cut at a character boundary if it does not fit,
 * control characters as blanks), the cursor at its end. */
void le_set(le_line *l, char *buf, size_t size, const char *text);

/* The editor over a NUL-terminated text already in buf (its length
 * measured), the cursor at `cur` moved back to a character boundary and
 * into the text. */
le_line le_over(char *buf, size_t size, size_t cur);

/* Whether code point c is a character a field accepts: not a C0 or C1
 * control character, DEL, a surrogate or beyond U+10FFFF. */
int le_printable(uint32_t c);

/* Types c at the cursor: 1 done, 0 not printable (nothing changes), -1
 * the field is full (nothing changes). */
int le_insert(le_line *l, uint32_t c);

/* Pastes UTF-8 text at the cursor: control characters (a pasted newline
 * or tab) become blanks, invalid bytes are dropped; what does not fit is
 * left out at a character boundary.  0 if all of it went in, -1 if not. */
int le_insert_text(le_line *l, const char *text);

/* Applies op; returns 1 if the text changed, 0 if only the cursor moved
 * (or nothing happened). */
int le_apply(le_line *l, le_op op);

#endif
