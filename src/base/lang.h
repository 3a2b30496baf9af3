/*
 * lang.h: the language of what a person reads (chart texts, labels of groups): the
 * tables' column names and the figures do not change with it.
 */
#ifndef FISCALSIM_LANG_H
#define FISCALSIM_LANG_H

typedef enum fs_lang { FS_LANG_VI, FS_LANG_EN } fs_lang;

#endif
