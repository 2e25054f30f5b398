/* The 16-byte FIFOs of the 16550A. */
#ifndef SERIAL_UART_FIFO_H
#define SERIAL_UART_FIFO_H

#include <stdbool.h>
#include <stdint.h>

#define UART_FIFO_SIZE 16

typedef struct uart_fifo {
    uint8_t data[UART_FIFO_SIZE];
    unsigned head, count;
} uart_fifo;

static inline void uart_fifo_clear(uart_fifo *f)
{
    f->head = f->count = 0;
}

static inline bool uart_fifo_full(const uart_fifo *f)
{
    return f->count == UART_FIFO_SIZE;
}

/* Returns false (byte dropped) when full. */
static inline bool uart_fifo_push(uart_fifo *f, uint8_t byte)
{
    if (uart_fifo_full(f))
        return false;
    f->data[(f->head + f->count) % UART_FIFO_SIZE] = byte;
    f->count++;
    return true;
}

/* Caller checks count > 0. */
static inline uint8_t uart_fifo_pop(uart_fifo *f)
{
    uint8_t byte = f->data[f->head];
    f->head = (f->head + 1) % UART_FIFO_SIZE;
    f->count--;
    return byte;
}

#endif
