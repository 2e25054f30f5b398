/* The 16550A UART register model (see uart16550.h). */
#include "uart16550.h"

#define UART_CLOCK_BAUD 115200   /* 1.8432 MHz / 16: the baud rate of divisor 1 */

static bool fifo_enabled(const uart16550 *u)
{
    return u->fcr & UART_FCR_ENABLE;
}

static bool in_loopback(const uart16550 *u)
{
    return u->mcr & UART_MCR_LOOP;
}

/* Nanoseconds one character takes on the line (start, data, parity, stop). */
static int64_t char_time_ns(const uart16550 *u)
{
    unsigned bits = 1 + 5 + (u->lcr & 0x03) + ((u->lcr & 0x08) ? 1 : 0) + ((u->lcr & 0x04) ? 2 : 1);
    unsigned divisor = u->divisor ? u->divisor : 1;   /* guest may program 0 */
    return (int64_t)bits * MM_NS_PER_SEC * divisor / UART_CLOCK_BAUD;
}

static void report_line_settings(uart16550 *u)
{
    if (!u->line_changed)
        return;
    char parity = !(u->lcr & 0x08) ? 'N' : (u->lcr & 0x10) ? 'E' : 'O';
    int baud = UART_CLOCK_BAUD / (u->divisor ? u->divisor : 1);
    u->line_changed(u->opaque, baud, 5 + (u->lcr & 0x03), parity, (u->lcr & 0x04) ? 2 : 1);
}

/* The highest-priority pending interrupt, as the IIR identifies it. */
static uint8_t pending_interrupt(const uart16550 *u)
{
    if ((u->ier & UART_IER_RLSI) && (u->lsr & UART_LSR_ERRORS))
        return UART_IIR_RLSI;
    if ((u->ier & UART_IER_RDI) && u->timeout_ipending)
        return UART_IIR_CTI;
    if ((u->ier & UART_IER_RDI) && (u->lsr & UART_LSR_DR) &&
        (!fifo_enabled(u) || u->rx_fifo.count >= u->rx_trigger))
        return UART_IIR_RDI;
    if ((u->ier & UART_IER_THRI) && u->thr_ipending)
        return UART_IIR_THRI;
    if ((u->ier & UART_IER_MSI) && (u->msr & UART_MSR_DELTAS))
        return UART_IIR_MSI;
    return UART_IIR_NO_INT;
}

static void update_irq(uart16550 *u)
{
    uint8_t id = pending_interrupt(u);
    u->iir = id | (fifo_enabled(u) ? UART_IIR_FIFO : 0);
    /* On a PC, OUT2 gates the UART's interrupt output onto the ISA line. */
    bool level = id != UART_IIR_NO_INT && (u->mcr & UART_MCR_OUT2);
    if (level != u->irq_level) {
        u->irq_level = level;
        mm_irq_set(u->irq, level);
    }
}

static void notify_input_room(uart16550 *u)
{
    if (u->input_room_available && uart_can_receive(u) > 0)
        u->input_room_available(u->opaque);
}

static void arm_char_timeout(uart16550 *u)
{
    mm_timer_mod(u->timeout_timer, mm_clock_get_ns(MM_CLOCK_VIRTUAL) + 4 * char_time_ns(u));
}

static void on_char_timeout(void *opaque)
{
    uart16550 *u = opaque;
    if (fifo_enabled(u) && u->rx_fifo.count > 0) {
        u->timeout_ipending = true;
        update_irq(u);
    }
}

static void receive_byte(uart16550 *u, uint8_t byte)
{
    if (fifo_enabled(u)) {
        if (!uart_fifo_push(&u->rx_fifo, byte))
            u->lsr |= UART_LSR_OE;
        arm_char_timeout(u);
    } else {
        if (u->lsr & UART_LSR_DR)
            u->lsr |= UART_LSR_OE;   /* the unread byte is overwritten */
        u->rbr = byte;
    }
    u->lsr |= UART_LSR_DR;
}

/* Modem status inputs: wired to the modem controls in loopback; otherwise
 * the line is always "carrier, data set ready, clear to send". */
static void update_modem_status(uart16550 *u)
{
    uint8_t status = UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
    if (in_loopback(u)) {
        status = ((u->mcr & UART_MCR_RTS) ? UART_MSR_CTS : 0) |
                 ((u->mcr & UART_MCR_DTR) ? UART_MSR_DSR : 0) |
                 ((u->mcr & UART_MCR_OUT1) ? UART_MSR_RI : 0) |
                 ((u->mcr & UART_MCR_OUT2) ? UART_MSR_DCD : 0);
    }
    uint8_t old = u->msr & 0xf0, changed = old ^ status;
    uint8_t deltas = u->msr & UART_MSR_DELTAS;
    if (changed & UART_MSR_CTS)
        deltas |= UART_MSR_DCTS;
    if (changed & UART_MSR_DSR)
        deltas |= UART_MSR_DDSR;
    if (changed & UART_MSR_DCD)
        deltas |= UART_MSR_DDCD;
    if ((old & UART_MSR_RI) && !(status & UART_MSR_RI))
        deltas |= UART_MSR_TERI;   /* trailing edge of ring indicator */
    u->msr = status | deltas;
}

static void write_thr(uart16550 *u, uint8_t byte)
{
    u->thr_ipending = false;
    u->lsr &= ~(UART_LSR_THRE | UART_LSR_TEMT);
    update_irq(u);
    if (in_loopback(u))
        receive_byte(u, byte);
    else if (u->transmit)
        u->transmit(u->opaque, byte);
    /* Sent at once: THR is empty again, and the interrupt line makes a new
     * edge for the edge-triggered PIC. */
    u->lsr |= UART_LSR_THRE | UART_LSR_TEMT;
    u->thr_ipending = true;
    update_irq(u);
}

static void write_ier(uart16550 *u, uint8_t value)
{
    uint8_t changed = (u->ier ^ value) & 0x0f;
    u->ier = value & 0x0f;
    /* Enabling THRI while THR is empty raises THRE again even if an IIR read
     * had acknowledged it: Linux's 8250 THRE test and Windows rely on it. */
    if (changed & UART_IER_THRI)
        u->thr_ipending = (u->ier & UART_IER_THRI) && (u->lsr & UART_LSR_THRE);
    update_irq(u);
}

static void clear_rx(uart16550 *u)
{
    uart_fifo_clear(&u->rx_fifo);
    u->lsr &= ~(UART_LSR_DR | UART_LSR_BI);
    u->timeout_ipending = false;
    mm_timer_del(u->timeout_timer);
}

static void write_fcr(uart16550 *u, uint8_t value)
{
    static const unsigned trigger_levels[4] = { 1, 4, 8, 14 };
    bool was_enabled = fifo_enabled(u);
    /* Changing the FIFO enable bit resets both FIFOs. */
    if ((value & UART_FCR_CLEAR_RX) || was_enabled != (bool)(value & UART_FCR_ENABLE))
        clear_rx(u);
    if (value & UART_FCR_CLEAR_TX) {
        u->lsr |= UART_LSR_THRE | UART_LSR_TEMT;   /* nothing waits to be sent */
        u->thr_ipending = (u->ier & UART_IER_THRI) != 0;
    }
    u->fcr = value & 0xc9;
    u->rx_trigger = trigger_levels[value >> 6];
    update_irq(u);
    notify_input_room(u);
}

static void write_mcr(uart16550 *u, uint8_t value)
{
    bool was_loop = in_loopback(u);
    u->mcr = value & 0x1f;
    update_modem_status(u);
    update_irq(u);
    if (was_loop && !in_loopback(u))
        notify_input_room(u);
}

void uart_write(uart16550 *u, unsigned offset, uint8_t value)
{
    bool dlab = u->lcr & UART_LCR_DLAB;
    switch (offset & 7) {
    case UART_RBR_THR:
        if (dlab) {
            u->divisor = (uint16_t)((u->divisor & 0xff00) | value);
            report_line_settings(u);
        } else {
            write_thr(u, value);
        }
        break;
    case UART_IER:
        if (dlab) {
            u->divisor = (uint16_t)((u->divisor & 0x00ff) | (value << 8));
            report_line_settings(u);
        } else {
            write_ier(u, value);
        }
        break;
    case UART_IIR_FCR:
        write_fcr(u, value);
        break;
    case UART_LCR:
        u->lcr = value;
        report_line_settings(u);
        break;
    case UART_MCR:
        write_mcr(u, value);
        break;
    case UART_SCR:
        u->scr = value;
        break;
    default:
        break;   /* LSR and MSR are read-only */
    }
}

static uint8_t read_rbr(uart16550 *u)
{
    uint8_t byte;
    if (fifo_enabled(u)) {
        byte = u->rx_fifo.count ? uart_fifo_pop(&u->rx_fifo) : 0;
        u->timeout_ipending = false;
        if (u->rx_fifo.count)
            arm_char_timeout(u);
        else
            mm_timer_del(u->timeout_timer);
    } else {
        byte = u->rbr;
    }
    if (!fifo_enabled(u) || u->rx_fifo.count == 0)
        u->lsr &= ~(UART_LSR_DR | UART_LSR_BI);
    update_irq(u);
    notify_input_room(u);
    return byte;
}

static uint8_t read_iir(uart16550 *u)
{
    uint8_t value = u->iir;
    /* Reading IIR acknowledges a THR-empty interrupt it reports. */
    if ((value & UART_IIR_ID) == UART_IIR_THRI && !(value & UART_IIR_NO_INT)) {
        u->thr_ipending = false;
        update_irq(u);
    }
    return value;
}

static uint8_t read_lsr(uart16550 *u)
{
    uint8_t value = u->lsr;
    if (u->lsr & UART_LSR_ERRORS) {
        u->lsr &= ~UART_LSR_ERRORS;
        update_irq(u);
    }
    return value;
}

static uint8_t read_msr(uart16550 *u)
{
    uint8_t value = u->msr;
    if (u->msr & UART_MSR_DELTAS) {
        u->msr &= ~UART_MSR_DELTAS;
        update_irq(u);
    }
    return value;
}

uint8_t uart_read(uart16550 *u, unsigned offset)
{
    bool dlab = u->lcr & UART_LCR_DLAB;
    switch (offset & 7) {
    case UART_RBR_THR:
        return dlab ? (uint8_t)u->divisor : read_rbr(u);
    case UART_IER:
        return dlab ? (uint8_t)(u->divisor >> 8) : u->ier;
    case UART_IIR_FCR:
        return read_iir(u);
    case UART_LCR:
        return u->lcr;
    case UART_MCR:
        return u->mcr;
    case UART_LSR:
        return read_lsr(u);
    case UART_MSR:
        return read_msr(u);
    default:
        return u->scr;
    }
}

int uart_can_receive(uart16550 *u)
{
    if (in_loopback(u))
        return 0;   /* the receiver is disconnected from the line */
    if (fifo_enabled(u))
        return UART_FIFO_SIZE - (int)u->rx_fifo.count;
    return (u->lsr & UART_LSR_DR) ? 0 : 1;
}

void uart_receive(uart16550 *u, const uint8_t *buf, int len)
{
    for (int i = 0; i < len; i++)
        receive_byte(u, buf[i]);
    update_irq(u);
}

void uart_receive_break(uart16550 *u)
{
    receive_byte(u, 0);
    u->lsr |= UART_LSR_BI;
    update_irq(u);
}

void uart_reset(uart16550 *u)
{
    u->divisor = 0x0c;   /* 9600 baud */
    u->ier = 0;
    u->lcr = 0;
    u->mcr = UART_MCR_OUT2;
    u->scr = 0;
    u->fcr = 0;
    u->rbr = 0;
    u->rx_trigger = 1;
    u->lsr = UART_LSR_THRE | UART_LSR_TEMT;
    u->msr = UART_MSR_DCD | UART_MSR_DSR | UART_MSR_CTS;
    u->thr_ipending = false;
    clear_rx(u);
    update_irq(u);
}

void uart_init(uart16550 *u)
{
    u->timeout_timer = mm_timer_new(MM_CLOCK_VIRTUAL, on_char_timeout, u);
    u->irq_level = false;
    uart_reset(u);
}

void uart_destroy(uart16550 *u)
{
    mm_timer_free(u->timeout_timer);
    u->timeout_timer = NULL;
}
