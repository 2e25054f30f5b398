/*
 * MMX and SSE/SSE2 snippets for the FPU differential test (see
 * fpu_snippets_x87.S for the entry format).  XMM0-XMM15 and MXCSR start
 * random (all exceptions masked); RDI/RSI point to 16-byte aligned data.
 */
#include "fpu_snippet_macros.h"

    .section .data.fpusniptab, "aw"
    .balign 8
    .globl fpu_snippets_sse
fpu_snippets_sse:

    .section .data.fpusniptab, "aw"
    .globl fpu_snippets_sse_end
fpu_snippets_sse_end:
    .section .note.GNU-stack,"",@progbits
