/*
 * The 16550A UART register model, independent of the bus it sits on.
 *
 * Transmission is immediate: a byte written to THR goes to the output
 * callback at once (or, in loopback, into the receive FIFO), so THR-empty
 * follows every write without polling.  Reception is paced by the host: the
 * backend offers only as many bytes as uart_can_receive() allows.  The
 * character-timeout interrupt uses a virtual-clock timer of four character
 * times computed from the divisor latch and LCR.
 */
#ifndef SERIAL_UART16550_H
#define SERIAL_UART16550_H

#include <stdbool.h>
#include <stdint.h>
#include <modemu/event.h>
#include <modemu/irq.h>

#include "uart_fifo.h"

typedef struct uart16550 uart16550;
struct uart16550 {
    /* Wiring, set before uart_init. */
    mm_irq *irq;
    void (*transmit)(void *opaque, uint8_t byte);
    void (*input_room_available)(void *opaque);   /* tell the backend */
    /* Speed and framing changed (divisor latch or LCR); optional. */
    void (*line_changed)(void *opaque, int baud, int data_bits, char parity, int stop_bits);
    void *opaque;

    /* Registers. */
    uint16_t divisor;
    uint8_t ier, iir, lcr, mcr, lsr, msr, scr, fcr;
    uint8_t rbr;                 /* non-FIFO receive holding register */
    uart_fifo rx_fifo;
    unsigned rx_trigger;         /* FIFO bytes that raise the RDA interrupt */
    bool thr_ipending;           /* THR-empty interrupt pending */
    bool timeout_ipending;       /* character timeout pending */
    bool irq_level;
    mm_timer *timeout_timer;
};

void uart_init(uart16550 *u);
void uart_destroy(uart16550 *u);
void uart_reset(uart16550 *u);

uint8_t uart_read(uart16550 *u, unsigned offset);
void uart_write(uart16550 *u, unsigned offset, uint8_t value);

/* Backend side. */
int uart_can_receive(uart16550 *u);
void uart_receive(uart16550 *u, const uint8_t *buf, int len);
void uart_receive_break(uart16550 *u);

/* Register offsets and bits (the PC16550D datasheet's names). */
enum {
    UART_RBR_THR = 0, UART_IER = 1, UART_IIR_FCR = 2, UART_LCR = 3,
    UART_MCR = 4, UART_LSR = 5, UART_MSR = 6, UART_SCR = 7,
};
enum {
    UART_IER_RDI = 0x01, UART_IER_THRI = 0x02, UART_IER_RLSI = 0x04, UART_IER_MSI = 0x08,
    UART_IIR_NO_INT = 0x01, UART_IIR_ID = 0x0e, UART_IIR_MSI = 0x00, UART_IIR_THRI = 0x02,
    UART_IIR_RDI = 0x04, UART_IIR_RLSI = 0x06, UART_IIR_CTI = 0x0c, UART_IIR_FIFO = 0xc0,
    UART_FCR_ENABLE = 0x01, UART_FCR_CLEAR_RX = 0x02, UART_FCR_CLEAR_TX = 0x04,
    UART_LCR_DLAB = 0x80,
    UART_MCR_DTR = 0x01, UART_MCR_RTS = 0x02, UART_MCR_OUT1 = 0x04, UART_MCR_OUT2 = 0x08,
    UART_MCR_LOOP = 0x10,
    UART_LSR_DR = 0x01, UART_LSR_OE = 0x02, UART_LSR_PE = 0x04, UART_LSR_FE = 0x08,
    UART_LSR_BI = 0x10, UART_LSR_THRE = 0x20, UART_LSR_TEMT = 0x40,
    UART_LSR_ERRORS = UART_LSR_OE | UART_LSR_PE | UART_LSR_FE | UART_LSR_BI,
    UART_MSR_DCTS = 0x01, UART_MSR_DDSR = 0x02, UART_MSR_TERI = 0x04, UART_MSR_DDCD = 0x08,
    UART_MSR_DELTAS = 0x0f,
    UART_MSR_CTS = 0x10, UART_MSR_DSR = 0x20, UART_MSR_RI = 0x40, UART_MSR_DCD = 0x80,
};

#endif
