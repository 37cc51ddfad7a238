/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * Fixture reader of the capture walk (format: capwalk_fix.h). A table of
 * (kind, field) -> offset and type keeps each record kind one list of rows,
 * so a fixture names exactly the struct fields the renderers read.
 */
#include "tests/golden/capwalk/capwalk_fix.h"
#include "lib/inet.h"
#include "lib/rec_crypto.h"
#include "lib/rec_ikev2.h"
#include "lib/rec_routing.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

enum ftype { F_IP, F_U8, F_U16, F_U32, F_U64, F_U64S, F_STR, F_CHAR, F_AGE, F_SYM, F_FLAGS };

struct sym {
    const char *name;
    uint32_t val;
};

struct field {
    const char *kind, *name;
    enum ftype t;
    size_t off, size;
    const struct sym *syms; /* F_SYM, F_FLAGS: the words of the field */
};

static const struct sym tun_type[] = {
    {"hub", REC_TUN_HUB}, {"spoke", REC_TUN_SPOKE}, {"hub/spoke", REC_TUN_HUB_SPOKE}, {NULL, 0}};
static const struct sym peer_state[] = {{"UP", REC_PEER_UP},
                                        {"NHRP", REC_PEER_NHRP},
                                        {"IKE", REC_PEER_IKE},
                                        {"IPSEC", REC_PEER_IPSEC},
                                        {"INTF", REC_PEER_INTF},
                                        {"DOWN", REC_PEER_DOWN},
                                        {NULL, 0}};
static const struct sym peer_attrs[] = {{"S", REC_PA_S},   {"D", REC_PA_D},   {"I", REC_PA_I},
                                        {"N", REC_PA_N},   {"L", REC_PA_L},   {"X", REC_PA_X},
                                        {"T1", REC_PA_T1}, {"T2", REC_PA_T2}, {"C", REC_PA_C},
                                        {"I2", REC_PA_I2}, {"B", REC_PA_B},   {NULL, 0}};
static const struct sym cache_type[] = {{"static", REC_NHRP_STATIC},
                                        {"dynamic", REC_NHRP_DYNAMIC},
                                        {"incomplete", REC_NHRP_INCOMPLETE},
                                        {NULL, 0}};
static const struct sym cache_flags[] = {{"authoritative", REC_NF_AUTHORITATIVE},
                                         {"implicit", REC_NF_IMPLICIT},
                                         {"negative", REC_NF_NEGATIVE},
                                         {"unique", REC_NF_UNIQUE},
                                         {"registered", REC_NF_REGISTERED},
                                         {"used", REC_NF_USED},
                                         {"router", REC_NF_ROUTER},
                                         {"local", REC_NF_LOCAL},
                                         {"nat", REC_NF_NAT},
                                         {"nhop", REC_NF_NHOP},
                                         {"rib", REC_NF_RIB},
                                         {"nho", REC_NF_NHO},
                                         {"no-socket", REC_NF_NOSOCKET},
                                         {"temporary", REC_NF_TEMPORARY},
                                         {NULL, 0}};
static const struct sym ike_state[] = {{"MM_NO_STATE", REC_IKE_MM_NO_STATE},
                                       {"MM_SA_SETUP", REC_IKE_MM_SA_SETUP},
                                       {"MM_KEY_EXCH", REC_IKE_MM_KEY_EXCH},
                                       {"MM_KEY_AUTH", REC_IKE_MM_KEY_AUTH},
                                       {"AG_NO_STATE", REC_IKE_AG_NO_STATE},
                                       {"AG_INIT_EXCH", REC_IKE_AG_INIT_EXCH},
                                       {"AG_AUTH", REC_IKE_AG_AUTH},
                                       {"QM_IDLE", REC_IKE_QM_IDLE},
                                       {NULL, 0}};
static const struct sym ike_status[] = {{"ACTIVE", REC_IKE_ACTIVE},
                                        {"ACTIVE (deleted)", REC_IKE_ACTIVE_DELETED},
                                        {"STDBY", REC_IKE_STDBY},
                                        {NULL, 0}};
static const struct sym cs_status[] = {
    {"UP-ACTIVE", REC_CS_UP_ACTIVE}, {"UP-IDLE", REC_CS_UP_IDLE},
    {"UP-NO-IKE", REC_CS_UP_NO_IKE}, {"DOWN-NEGOTIATING", REC_CS_DOWN_NEGOTIATING},
    {"DOWN", REC_CS_DOWN},           {NULL, 0}};
static const struct sym ike_caps[] = {{"C", REC_IKE_CAP_C},
                                      {"D", REC_IKE_CAP_D},
                                      {"K", REC_IKE_CAP_K},
                                      {"N", REC_IKE_CAP_N},
                                      {"T", REC_IKE_CAP_T},
                                      {"X", REC_IKE_CAP_X},
                                      {"F", REC_IKE_CAP_F},
                                      {"R", REC_IKE_CAP_R},
                                      {"U", REC_IKE_CAP_U},
                                      {"S", REC_IKE_CAP_S},
                                      {NULL, 0}};
static const struct sym sa_dir[] = {{"in", REC_SA_IN}, {"out", REC_SA_OUT}, {NULL, 0}};
static const struct sym sa_proto[] = {{"esp", REC_SA_ESP}, {"ah", REC_SA_AH}, {NULL, 0}};
static const struct sym sa_mode[] = {
    {"tunnel", REC_SA_TUNNEL}, {"transport", REC_SA_TRANSPORT}, {NULL, 0}};
static const struct sym sa_status[] = {
    {"ACTIVE", REC_SA_ACTIVE}, {"STANDBY", REC_SA_STANDBY}, {NULL, 0}};
static const struct sym ospf_state[] = {{"DOWN", REC_OSPF_NBR_DOWN},
                                        {"ATTEMPT", REC_OSPF_NBR_ATTEMPT},
                                        {"INIT", REC_OSPF_NBR_INIT},
                                        {"2WAY", REC_OSPF_NBR_2WAY},
                                        {"EXSTART", REC_OSPF_NBR_EXSTART},
                                        {"EXCHANGE", REC_OSPF_NBR_EXCHANGE},
                                        {"LOADING", REC_OSPF_NBR_LOADING},
                                        {"FULL", REC_OSPF_NBR_FULL},
                                        {NULL, 0}};
static const struct sym ospf_role[] = {{"-", REC_OSPF_ROLE_NONE},
                                       {"DR", REC_OSPF_ROLE_DR},
                                       {"BDR", REC_OSPF_ROLE_BDR},
                                       {"DROTHER", REC_OSPF_ROLE_DROTHER},
                                       {NULL, 0}};
static const struct sym ospf_if_state[] = {
    {"DOWN", REC_OSPF_IF_DOWN}, {"LOOP", REC_OSPF_IF_LOOP},     {"WAIT", REC_OSPF_IF_WAIT},
    {"P2P", REC_OSPF_IF_P2P},   {"P2MP", REC_OSPF_IF_P2MP},     {"DR", REC_OSPF_IF_DR},
    {"BDR", REC_OSPF_IF_BDR},   {"DROTH", REC_OSPF_IF_DROTHER}, {NULL, 0}};
static const struct sym v2_status[] = {
    {"READY", REC_V2_READY}, {"IN-NEG", REC_V2_IN_NEG}, {"DELETE", REC_V2_DELETE}, {NULL, 0}};
static const struct sym nhs_status[] = {
    {"E", REC_NHS_E}, {"R", REC_NHS_R}, {"W", REC_NHS_W}, {"D", REC_NHS_D}, {NULL, 0}};
static const struct sym if_method[] = {{"unset", REC_IFM_UNSET},   {"NVRAM", REC_IFM_NVRAM},
                                       {"manual", REC_IFM_MANUAL}, {"TFTP", REC_IFM_TFTP},
                                       {"DHCP", REC_IFM_DHCP},     {NULL, 0}};
static const struct sym if_kind[] = {{"ethernet", REC_IFK_ETHERNET},
                                     {"loopback", REC_IFK_LOOPBACK},
                                     {"tunnel", REC_IFK_TUNNEL},
                                     {"other", REC_IFK_OTHER},
                                     {NULL, 0}};

#define FLD(k, st, name, t, syms)                                                                  \
    {                                                                                              \
        k, #name, t, offsetof(struct st, name), sizeof(((struct st *)0)->name), syms               \
    }

static const struct field fields[] = {
    FLD("tunnel", rec_tunnel, ifname, F_STR, NULL),
    FLD("tunnel", rec_tunnel, admin_up, F_U8, NULL),
    FLD("tunnel", rec_tunnel, line_up, F_U8, NULL),
    FLD("tunnel", rec_tunnel, type, F_SYM, tun_type),
    FLD("tunnel", rec_tunnel, multipoint, F_U8, NULL),
    FLD("tunnel", rec_tunnel, addr, F_IP, NULL),
    FLD("tunnel", rec_tunnel, mask, F_IP, NULL),
    FLD("tunnel", rec_tunnel, src, F_IP, NULL),
    FLD("tunnel", rec_tunnel, protected_, F_U8, NULL),
    FLD("tunnel", rec_tunnel, profile, F_STR, NULL),
    FLD("tunnel", rec_tunnel, state_since_ms, F_AGE, NULL),
    FLD("peer", rec_dmvpn_peer, ifname, F_STR, NULL),
    FLD("peer", rec_dmvpn_peer, nbma, F_IP, NULL),
    FLD("peer", rec_dmvpn_peer, tunnel_addr, F_IP, NULL),
    FLD("peer", rec_dmvpn_peer, target, F_IP, NULL),
    FLD("peer", rec_dmvpn_peer, target_len, F_U8, NULL),
    FLD("peer", rec_dmvpn_peer, state, F_SYM, peer_state),
    FLD("peer", rec_dmvpn_peer, attrs, F_FLAGS, peer_attrs),
    FLD("peer", rec_dmvpn_peer, since_ms, F_AGE, NULL),
    FLD("nhs", rec_nhrp_nhs, ifname, F_STR, NULL),
    FLD("nhs", rec_nhrp_nhs, addr, F_IP, NULL),
    FLD("nhs", rec_nhrp_nhs, nbma, F_IP, NULL),
    FLD("nhs", rec_nhrp_nhs, status, F_FLAGS, nhs_status),
    FLD("nhs", rec_nhrp_nhs, priority, F_U8, NULL),
    FLD("nhs", rec_nhrp_nhs, cluster, F_U8, NULL),
    FLD("nhs", rec_nhrp_nhs, req_sent, F_U32, NULL),
    FLD("nhs", rec_nhrp_nhs, req_failed, F_U32, NULL),
    FLD("nhs", rec_nhrp_nhs, repl_recv, F_U32, NULL),
    FLD("nhs", rec_nhrp_nhs, last_reply_ms, F_AGE, NULL),
    FLD("nhs", rec_nhrp_nhs, current_request_id, F_U32, NULL),
    FLD("nhs", rec_nhrp_nhs, pending_request_id, F_U32, NULL),
    FLD("nhs", rec_nhrp_nhs, pending_retries, F_U32, NULL),
    FLD("nhs", rec_nhrp_nhs, protect_requested, F_U8, NULL),
    FLD("nhs", rec_nhrp_nhs, acked_request_id, F_U32, NULL),
    FLD("cache", rec_nhrp_cache, ifname, F_STR, NULL),
    FLD("cache", rec_nhrp_cache, proto, F_IP, NULL),
    FLD("cache", rec_nhrp_cache, prefix_len, F_U8, NULL),
    FLD("cache", rec_nhrp_cache, type, F_SYM, cache_type),
    FLD("cache", rec_nhrp_cache, preference, F_U8, NULL),
    FLD("cache", rec_nhrp_cache, via, F_IP, NULL),
    FLD("cache", rec_nhrp_cache, nbma, F_IP, NULL),
    FLD("cache", rec_nhrp_cache, claimed_nbma, F_IP, NULL),
    FLD("cache", rec_nhrp_cache, flags, F_FLAGS, cache_flags),
    FLD("cache", rec_nhrp_cache, created_ms, F_AGE, NULL),
    FLD("cache", rec_nhrp_cache, expires_ms, F_AGE, NULL),
    FLD("cache", rec_nhrp_cache, requester, F_IP, NULL),
    FLD("cache", rec_nhrp_cache, request_id, F_U32, NULL),
    FLD("cache", rec_nhrp_cache, cache_hits, F_U32, NULL),
    FLD("route", rec_route, prefix, F_IP, NULL),
    FLD("route", rec_route, len, F_U8, NULL),
    FLD("route", rec_route, code, F_CHAR, NULL),
    FLD("route", rec_route, nho, F_CHAR, NULL),
    FLD("route", rec_route, nexthop, F_IP, NULL),
    FLD("route", rec_route, distance, F_U32, NULL),
    FLD("route", rec_route, metric, F_U32, NULL),
    FLD("route", rec_route, ifname, F_STR, NULL),
    FLD("route", rec_route, since_ms, F_AGE, NULL),
    FLD("route", rec_route, nho_path, F_U8, NULL),
    FLD("route", rec_route, code2, F_STR, NULL),
    FLD("route", rec_route, rflags, F_U8, NULL),
    FLD("route", rec_route, nh_vrf, F_STR, NULL),
    FLD("ike", rec_ike_sa, ifname, F_STR, NULL),
    FLD("ike", rec_ike_sa, local, F_IP, NULL),
    FLD("ike", rec_ike_sa, remote, F_IP, NULL),
    FLD("ike", rec_ike_sa, initiator, F_U8, NULL),
    FLD("ike", rec_ike_sa, ike_version, F_U8, NULL),
    FLD("ike", rec_ike_sa, state, F_SYM, ike_state),
    FLD("ike", rec_ike_sa, status, F_SYM, ike_status),
    FLD("ike", rec_ike_sa, conn_id, F_U32, NULL),
    FLD("ike", rec_ike_sa, ivrf, F_STR, NULL),
    FLD("ike", rec_ike_sa, encr, F_STR, NULL),
    FLD("ike", rec_ike_sa, hash, F_STR, NULL),
    FLD("ike", rec_ike_sa, auth, F_STR, NULL),
    FLD("ike", rec_ike_sa, engine, F_STR, NULL),
    FLD("ike", rec_ike_sa, dh_group, F_U8, NULL),
    FLD("ike", rec_ike_sa, caps, F_FLAGS, ike_caps),
    FLD("ike", rec_ike_sa, engine_conn_id, F_U32, NULL),
    FLD("ike", rec_ike_sa, expires_ms, F_AGE, NULL),
    FLD("cs", rec_crypto_session, ifname, F_STR, NULL),
    FLD("cs", rec_crypto_session, profile, F_STR, NULL),
    FLD("cs", rec_crypto_session, fvrf, F_STR, NULL),
    FLD("cs", rec_crypto_session, ivrf, F_STR, NULL),
    FLD("cs", rec_crypto_session, phase1_id, F_STR, NULL),
    FLD("cs", rec_crypto_session, desc, F_STR, NULL),
    FLD("cs", rec_crypto_session, up_since_ms, F_AGE, NULL),
    FLD("cs", rec_crypto_session, peer, F_IP, NULL),
    FLD("cs", rec_crypto_session, peer_port, F_U16, NULL),
    FLD("cs", rec_crypto_session, status, F_SYM, cs_status),
    FLD("cs", rec_crypto_session, handle, F_U32, NULL),
    FLD("cs", rec_crypto_session, socket_open, F_U8, NULL),
    FLD("cs_ike", rec_cs_ike, expires_ms, F_AGE, NULL),
    FLD("cs_ike", rec_cs_ike, local, F_IP, NULL),
    FLD("cs_ike", rec_cs_ike, remote, F_IP, NULL),
    FLD("cs_ike", rec_cs_ike, local_port, F_U16, NULL),
    FLD("cs_ike", rec_cs_ike, remote_port, F_U16, NULL),
    FLD("cs_ike", rec_cs_ike, session_id, F_U32, NULL),
    FLD("cs_ike", rec_cs_ike, conn_id, F_U32, NULL),
    FLD("cs_ike", rec_cs_ike, caps, F_FLAGS, ike_caps),
    FLD("cs_ike", rec_cs_ike, ike_version, F_U8, NULL),
    FLD("cs_ike", rec_cs_ike, active, F_U8, NULL),
    FLD("cs_flow", rec_cs_flow, in_pkts, F_U64, NULL),
    FLD("cs_flow", rec_cs_flow, out_pkts, F_U64, NULL),
    FLD("cs_flow", rec_cs_flow, in_drop, F_U64, NULL),
    FLD("cs_flow", rec_cs_flow, out_drop, F_U64, NULL),
    FLD("cs_flow", rec_cs_flow, in_expires_ms, F_AGE, NULL),
    FLD("cs_flow", rec_cs_flow, out_expires_ms, F_AGE, NULL),
    FLD("cs_flow", rec_cs_flow, local, F_IP, NULL),
    FLD("cs_flow", rec_cs_flow, local_mask, F_IP, NULL),
    FLD("cs_flow", rec_cs_flow, remote, F_IP, NULL),
    FLD("cs_flow", rec_cs_flow, remote_mask, F_IP, NULL),
    FLD("cs_flow", rec_cs_flow, in_kb, F_U32, NULL),
    FLD("cs_flow", rec_cs_flow, out_kb, F_U32, NULL),
    FLD("cs_flow", rec_cs_flow, active_sas, F_U32, NULL),
    FLD("cs_flow", rec_cs_flow, proto, F_U8, NULL),
    FLD("cs_flow", rec_cs_flow, kb_rekey_disabled, F_U8, NULL),
    FLD("cs_flow", rec_cs_flow, out_spi, F_U32, NULL),
    FLD("cs_flow", rec_cs_flow, transform, F_STR, NULL),
    FLD("ipsec", rec_ipsec_sa, ifname, F_STR, NULL),
    FLD("ipsec", rec_ipsec_sa, crypto_map, F_STR, NULL),
    FLD("ipsec", rec_ipsec_sa, pvrf, F_STR, NULL),
    FLD("ipsec", rec_ipsec_sa, flags, F_STR, NULL),
    FLD("ipsec", rec_ipsec_sa, mtu_idb, F_STR, NULL),
    FLD("ipsec", rec_ipsec_sa, map_local, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, lid_addr, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, lid_mask, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, rid_addr, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, rid_mask, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, lid_port, F_U16, NULL),
    FLD("ipsec", rec_ipsec_sa, rid_port, F_U16, NULL),
    FLD("ipsec", rec_ipsec_sa, lid_proto, F_U8, NULL),
    FLD("ipsec", rec_ipsec_sa, rid_proto, F_U8, NULL),
    FLD("ipsec", rec_ipsec_sa, pfs_group, F_U8, NULL),
    FLD("ipsec", rec_ipsec_sa, peer, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, peer_port, F_U16, NULL),
    FLD("ipsec", rec_ipsec_sa, local_endpt, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, remote_endpt, F_IP, NULL),
    FLD("ipsec", rec_ipsec_sa, plaintext_mtu, F_U32, NULL),
    FLD("ipsec", rec_ipsec_sa, path_mtu, F_U32, NULL),
    FLD("ipsec", rec_ipsec_sa, ip_mtu, F_U32, NULL),
    FLD("ipsec", rec_ipsec_sa, out_spi, F_U32, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, transform, F_STR, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, engine, F_STR, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, sibling_flags, F_U64, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, expires_ms, F_AGE, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, spi, F_U32, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, conn_id, F_U32, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, flow_id, F_U32, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, kb_left, F_U32, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, replay_window, F_U32, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, dir, F_SYM, sa_dir),
    FLD("ipsec_sa", rec_ipsec_sa_entry, proto, F_SYM, sa_proto),
    FLD("ipsec_sa", rec_ipsec_sa_entry, mode, F_SYM, sa_mode),
    FLD("ipsec_sa", rec_ipsec_sa_entry, udp_encaps, F_U8, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, iv_size, F_U8, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, replay, F_U8, NULL),
    FLD("ipsec_sa", rec_ipsec_sa_entry, status, F_SYM, sa_status),
    FLD("traffic", rec_nhrp_traffic, ifname, F_STR, NULL),
    FLD("traffic", rec_nhrp_traffic, max_send_pkts, F_U32, NULL),
    FLD("traffic", rec_nhrp_traffic, max_send_secs, F_U32, NULL),
    FLD("traffic", rec_nhrp_traffic, usage_pct, F_U32, NULL),
    FLD("traffic", rec_nhrp_traffic, sent_total, F_U64, NULL),
    FLD("traffic", rec_nhrp_traffic, rcvd_total, F_U64, NULL),
    FLD("traffic", rec_nhrp_traffic, sent, F_U64S, NULL),
    FLD("traffic", rec_nhrp_traffic, rcvd, F_U64S, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, as, F_U32, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, handle, F_U32, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, vrf, F_STR, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, instance, F_STR, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, addr, F_IP, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, srtt_ms, F_U32, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, rto_ms, F_U32, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, q_count, F_U32, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, seq, F_U32, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, ifname, F_STR, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, hold_ms, F_AGE, NULL),
    FLD("eigrp_nbr", rec_eigrp_neighbor, since_ms, F_AGE, NULL),
    FLD("ospf_nbr", rec_ospf_neighbor, router_id, F_IP, NULL),
    FLD("ospf_nbr", rec_ospf_neighbor, addr, F_IP, NULL),
    FLD("ospf_nbr", rec_ospf_neighbor, process_id, F_U32, NULL),
    FLD("ospf_nbr", rec_ospf_neighbor, priority, F_U8, NULL),
    FLD("ospf_nbr", rec_ospf_neighbor, state, F_SYM, ospf_state),
    FLD("ospf_nbr", rec_ospf_neighbor, role, F_SYM, ospf_role),
    FLD("ospf_nbr", rec_ospf_neighbor, ifname, F_STR, NULL),
    FLD("ospf_nbr", rec_ospf_neighbor, dead_ms, F_AGE, NULL),
    FLD("ikev2", rec_ikev2_sa, tunnel_id, F_U32, NULL),
    FLD("ikev2", rec_ikev2_sa, local, F_IP, NULL),
    FLD("ikev2", rec_ikev2_sa, remote, F_IP, NULL),
    FLD("ikev2", rec_ikev2_sa, local_port, F_U16, NULL),
    FLD("ikev2", rec_ikev2_sa, remote_port, F_U16, NULL),
    FLD("ikev2", rec_ikev2_sa, fvrf, F_STR, NULL),
    FLD("ikev2", rec_ikev2_sa, ivrf, F_STR, NULL),
    FLD("ikev2", rec_ikev2_sa, status, F_SYM, v2_status),
    FLD("ikev2", rec_ikev2_sa, encr, F_STR, NULL),
    FLD("ikev2", rec_ikev2_sa, keysize, F_U16, NULL),
    FLD("ikev2", rec_ikev2_sa, prf, F_STR, NULL),
    FLD("ikev2", rec_ikev2_sa, hash, F_STR, NULL),
    FLD("ikev2", rec_ikev2_sa, dh_group, F_U8, NULL),
    FLD("ikev2", rec_ikev2_sa, auth_sign, F_STR, NULL),
    FLD("ikev2", rec_ikev2_sa, auth_verify, F_STR, NULL),
    FLD("ikev2", rec_ikev2_sa, life_s, F_U32, NULL),
    FLD("ikev2", rec_ikev2_sa, created_ms, F_AGE, NULL),
    FLD("ikev2", rec_ikev2_sa, ce_id, F_U32, NULL),
    FLD("ikev2", rec_ikev2_sa, session_id, F_U32, NULL),
    FLD("ikev2", rec_ikev2_sa, local_spi, F_U64, NULL),
    FLD("ikev2", rec_ikev2_sa, remote_spi, F_U64, NULL),
    FLD("ospf_if", rec_ospf_iface, ifname, F_STR, NULL),
    FLD("ospf_if", rec_ospf_iface, process_id, F_U32, NULL),
    FLD("ospf_if", rec_ospf_iface, area, F_IP, NULL),
    FLD("ospf_if", rec_ospf_iface, area_dotted, F_U8, NULL),
    FLD("ospf_if", rec_ospf_iface, state, F_SYM, ospf_if_state),
    FLD("ospf_if", rec_ospf_iface, len, F_U8, NULL),
    FLD("ospf_if", rec_ospf_iface, addr, F_IP, NULL),
    FLD("ospf_if", rec_ospf_iface, cost, F_U32, NULL),
    FLD("ospf_if", rec_ospf_iface, nbrs_full, F_U32, NULL),
    FLD("ospf_if", rec_ospf_iface, nbrs_count, F_U32, NULL),
    FLD("iface", rec_iface, ifname, F_STR, NULL),
    FLD("iface", rec_iface, kind, F_SYM, if_kind),
    FLD("iface", rec_iface, admin_up, F_U8, NULL),
    FLD("iface", rec_iface, line_up, F_U8, NULL),
    FLD("iface", rec_iface, method, F_SYM, if_method),
    FLD("iface", rec_iface, deleted, F_U8, NULL),
    FLD("iface", rec_iface, addr, F_IP, NULL),
    FLD("iface", rec_iface, mask, F_IP, NULL),
};

/* show crypto ipsec sa's counters, by the words of its #pkts lines */
#define CTR(name, i)                                                                               \
    {                                                                                              \
        "ipsec", name, F_U64, offsetof(struct rec_ipsec_sa, ctr) + (i) * sizeof(uint64_t),         \
            sizeof(uint64_t), NULL                                                                 \
    }
static const struct field ipsec_ctrs[] = {
    CTR("encaps", REC_IPC_ENCAPS),
    CTR("encrypt", REC_IPC_ENCRYPT),
    CTR("digest", REC_IPC_DIGEST),
    CTR("decaps", REC_IPC_DECAPS),
    CTR("decrypt", REC_IPC_DECRYPT),
    CTR("verify", REC_IPC_VERIFY),
    CTR("compressed", REC_IPC_COMPRESSED),
    CTR("decompressed", REC_IPC_DECOMPRESSED),
    CTR("not_compressed", REC_IPC_NOT_COMPRESSED),
    CTR("compr_failed", REC_IPC_COMPR_FAILED),
    CTR("not_decompressed", REC_IPC_NOT_DECOMPRESSED),
    CTR("decompress_failed", REC_IPC_DECOMPRESS_FAILED),
    CTR("send_errors", REC_IPC_SEND_ERRORS),
    CTR("recv_errors", REC_IPC_RECV_ERRORS),
    CTR("no_sa_send", REC_IPC_NO_SA_SEND),
    CTR("invalid_sa_rcv", REC_IPC_INVALID_SA_RCV),
    CTR("encaps_failed_send", REC_IPC_ENCAPS_FAILED_SEND),
    CTR("decaps_failed_rcv", REC_IPC_DECAPS_FAILED_RCV),
    CTR("invalid_prot_recv", REC_IPC_INVALID_PROT_RECV),
    CTR("verify_failed", REC_IPC_VERIFY_FAILED),
    CTR("invalid_identity_recv", REC_IPC_INVALID_IDENTITY_RECV),
    CTR("invalid_len_rcv", REC_IPC_INVALID_LEN_RCV),
    CTR("replay_rollover_send", REC_IPC_REPLAY_ROLLOVER_SEND),
    CTR("replay_rollover_rcv", REC_IPC_REPLAY_ROLLOVER_RCV),
    CTR("replay_failed_rcv", REC_IPC_REPLAY_FAILED_RCV),
    CTR("tagged_send", REC_IPC_TAGGED_SEND),
    CTR("untagged_rcv", REC_IPC_UNTAGGED_RCV),
    CTR("not_tagged_send", REC_IPC_NOT_TAGGED_SEND),
    CTR("not_untagged_rcv", REC_IPC_NOT_UNTAGGED_RCV),
    CTR("internal_err_send", REC_IPC_INTERNAL_ERR_SEND),
    CTR("internal_err_recv", REC_IPC_INTERNAL_ERR_RECV),
};

/* "00:05:07", "1d02h", "3w2d", "1y2w" -> seconds; -1 when not a time. */
static long long
ios_secs(const char *s)
{
    static const struct {
        char c;
        long long secs;
    } unit[] = {{'y', 365LL * 86400}, {'w', 7LL * 86400}, {'d', 86400}, {'h', 3600}};
    unsigned h, m, sec;
    long long a, b;
    char u1, u2, end;
    size_t i, j;

    if (sscanf(s, "%u:%u:%u%c", &h, &m, &sec, &end) == 3)
        return (long long)h * 3600 + m * 60 + sec;
    if (sscanf(s, "%lld%c%lld%c%c", &a, &u1, &b, &u2, &end) != 4)
        return -1;
    for (i = 0; i < 4 && unit[i].c != u1; i++)
        ;
    for (j = 0; j < 4 && unit[j].c != u2; j++)
        ;
    if (i == 4 || j == 4)
        return -1;
    return a * unit[i].secs + b * unit[j].secs;
}

static int
sym_value(const struct sym *t, const char *w, size_t len, uint32_t *out)
{
    for (; t->name; t++)
        if (strlen(t->name) == len && strncmp(t->name, w, len) == 0) {
            *out = t->val;
            return 0;
        }
    return -1;
}

static int
set_field(void *rec, const struct field *f, const char *v)
{
    uint8_t *p = (uint8_t *)rec + f->off;
    uint32_t u = 0;
    unsigned long n;
    char *end;

    switch (f->t) {
    case F_IP:
        if (!inet_parse4(v, &u))
            return -1;
        memcpy(p, &u, sizeof(u));
        return 0;
    case F_STR:
        if (strlen(v) >= f->size)
            return -1;
        memcpy(p, v, strlen(v) + 1);
        return 0;
    case F_CHAR:
        if (strlen(v) != 1)
            return -1;
        *p = (uint8_t)v[0];
        return 0;
    case F_AGE: {
        int64_t t = 0;
        long long s = ios_secs(v[0] == '+' ? v + 1 : v);

        if (strcmp(v, "never") != 0) {
            if (s < 0)
                return -1;
            t = v[0] == '+' ? CAPWALK_NOW + s * 1000 + 500 : CAPWALK_NOW - s * 1000 - 500;
        }
        memcpy(p, &t, sizeof(t));
        return 0;
    }
    case F_SYM:
        if (sym_value(f->syms, v, strlen(v), &u) < 0)
            return -1;
        break;
    case F_FLAGS:
        while (*v) {
            size_t len = strcspn(v, "|");
            uint32_t bit;

            if (sym_value(f->syms, v, len, &bit) < 0)
                return -1;
            u |= bit;
            v += len + (v[len] == '|');
        }
        break;
    case F_U64S: { /* "1,2,3": the array's first elements */
        size_t i = 0;

        while (*v) {
            unsigned long long ull = strtoull(v, &end, 10);

            if (end == v || i >= f->size / sizeof(ull) || (*end && *end != ','))
                return -1;
            memcpy(p + i++ * sizeof(ull), &ull, sizeof(ull));
            v = *end ? end + 1 : end;
        }
        return 0;
    }
    case F_U64: {
        unsigned long long ull = strtoull(v, &end, 0);

        if (*v == '\0' || *end != '\0')
            return -1;
        memcpy(p, &ull, sizeof(ull));
        return 0;
    }
    default:
        n = strtoul(v, &end, 0);
        if (*v == '\0' || *end != '\0')
            return -1;
        u = (uint32_t)n;
        break;
    }
    if (f->size == 1)
        *p = (uint8_t)u;
    else if (f->size == 2) {
        uint16_t s16 = (uint16_t)u;
        memcpy(p, &s16, 2);
    } else
        memcpy(p, &u, 4);
    return 0;
}

/* The record of kind `k` the next line fills, with its defaults. */
static void *
new_rec(struct capwalk_fix *fx, const char *k)
{
#define NEW(arr, n)                                                                                \
    do {                                                                                           \
        if (fx->n >= sizeof(fx->arr) / sizeof(fx->arr[0]))                                         \
            return NULL;                                                                           \
        memset(&fx->arr[fx->n], 0, sizeof(fx->arr[0]));                                            \
        return &fx->arr[fx->n++];                                                                  \
    } while (0)
    if (strcmp(k, "tunnel") == 0) {
        struct rec_tunnel *t;

        if (fx->n_tun >= sizeof(fx->tun) / sizeof(fx->tun[0]))
            return NULL;
        t = &fx->tun[fx->n_tun++];
        memset(t, 0, sizeof(*t));
        /* an NHRP tunnel of a running router: up, mGRE */
        t->admin_up = t->line_up = t->multipoint = 1;
        return t;
    }
    if (strcmp(k, "cache") == 0) {
        struct rec_nhrp_cache *c;

        if (fx->n_cache >= CAPWALK_MAX)
            return NULL;
        c = &fx->cache[fx->n_cache++];
        memset(c, 0, sizeof(*c));
        c->prefix_len = 32;
        c->preference = 255;
        return c;
    }
    if (strcmp(k, "ike") == 0) {
        struct rec_ike_sa *a;

        if (fx->n_ike >= sizeof(fx->ike) / sizeof(fx->ike[0]))
            return NULL;
        a = &fx->ike[fx->n_ike++];
        memset(a, 0, sizeof(*a));
        a->ike_version = 1;
        a->local_port = a->remote_port = 500;
        return a;
    }
    if (strcmp(k, "cs") == 0)
        NEW(cs, n_cs);
    if (strcmp(k, "traffic") == 0)
        NEW(traffic, n_traffic);
    if (strcmp(k, "eigrp_nbr") == 0)
        NEW(eigrp, n_eigrp);
    if (strcmp(k, "ospf_nbr") == 0)
        NEW(ospf, n_ospf);
    if (strcmp(k, "ikev2") == 0)
        NEW(ikev2, n_ikev2);
    if (strcmp(k, "ospf_if") == 0)
        NEW(ospf_if, n_ospf_if);
    /* a session's IKE SAs and flows follow its cs line */
    if (strcmp(k, "cs_ike") == 0 || strcmp(k, "cs_flow") == 0) {
        struct rec_crypto_session *c = fx->n_cs ? &fx->cs[fx->n_cs - 1] : NULL;

        if (!c)
            return NULL;
        if (k[3] == 'i') {
            struct rec_cs_ike *i;

            if (c->n_ike >= REC_CS_MAX_IKE)
                return NULL;
            i = &c->ike[c->n_ike++];
            i->local_port = i->remote_port = 500;
            i->ike_version = 1;
            i->active = 1;
            return i;
        }
        if (c->n_flows >= REC_CS_MAX_FLOWS)
            return NULL;
        return &c->flows[c->n_flows++];
    }
    if (strcmp(k, "ipsec") == 0)
        NEW(ipsec, n_ipsec);
    /* an SA of the ipsec block above */
    if (strcmp(k, "ipsec_sa") == 0) {
        struct rec_ipsec_sa *r = fx->n_ipsec ? &fx->ipsec[fx->n_ipsec - 1] : NULL;

        if (!r || r->n_sas >= REC_IPSEC_MAX_SAS)
            return NULL;
        return &r->sas[r->n_sas++];
    }
    if (strcmp(k, "peer") == 0)
        NEW(peer, n_peer);
    if (strcmp(k, "nhs") == 0)
        NEW(nhs, n_nhs);
    if (strcmp(k, "route") == 0)
        NEW(route, n_route);
    if (strcmp(k, "iface") == 0)
        NEW(iface, n_iface);
#undef NEW
    return NULL;
}

/* Next `key=value` of line at *pp (value may be "quoted"); 0 at the end. */
static int
next_pair(char **pp, char **key, char **val)
{
    char *p = *pp, *eq;

    while (*p == ' ' || *p == '\t')
        p++;
    if (!*p)
        return 0;
    *key = p;
    if (!(eq = strchr(p, '=')))
        return -1;
    *eq = '\0';
    p = eq + 1;
    if (*p == '"') {
        *val = ++p;
        if (!(p = strchr(p, '"')))
            return -1;
        *p++ = '\0';
    } else {
        *val = p;
        p += strcspn(p, " \t");
        if (*p)
            *p++ = '\0';
    }
    *pp = p;
    return 1;
}

static const struct field *
find_field(const char *kind, const char *key)
{
    size_t i;

    for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++)
        if (strcmp(fields[i].kind, kind) == 0 && strcmp(fields[i].name, key) == 0)
            return &fields[i];
    for (i = 0; i < sizeof(ipsec_ctrs) / sizeof(ipsec_ctrs[0]); i++)
        if (strcmp(ipsec_ctrs[i].kind, kind) == 0 && strcmp(ipsec_ctrs[i].name, key) == 0)
            return &ipsec_ctrs[i];
    return NULL;
}

static int
fail(const char *name, unsigned ln, const char *what, const char *s)
{
    fprintf(stderr, "%s:%u: %s%s%s\n", name, ln, what, s ? ": " : "", s ? s : "");
    return -1;
}

int
capwalk_fix_read(FILE *f, const char *name, struct capwalk_fix *fx)
{
    char line[1024];
    unsigned ln = 0;

    memset(fx, 0, sizeof(*fx));
    while (fgets(line, sizeof(line), f)) {
        char *p = line, *kind, *key, *val;
        void *rec;
        int r;

        ln++;
        line[strcspn(line, "\n")] = '\0';
        kind = p;
        p += strcspn(p, " \t");
        if (*p)
            *p++ = '\0';
        if (!*kind || *kind == '#' || strcmp(kind, "capture") == 0 ||
            strcmp(kind, "compare") == 0 || strcmp(kind, "expect") == 0 ||
            strcmp(kind, "textfsm") == 0)
            continue;
        if (strcmp(kind, "version") == 0 || strcmp(kind, "command") == 0) {
            char *dst = kind[0] == 'v' ? fx->version : fx->command;
            size_t size = kind[0] == 'v' ? sizeof(fx->version) : sizeof(fx->command);

            if (strlen(p) >= size)
                return fail(name, ln, "too long", p);
            memcpy(dst, p, strlen(p) + 1);
            continue;
        }
        if (!(rec = new_rec(fx, kind)))
            return fail(name, ln, "unknown record kind or too many", kind);
        while ((r = next_pair(&p, &key, &val)) > 0) {
            const struct field *fl = find_field(kind, key);

            if (!fl)
                return fail(name, ln, "unknown field", key);
            if (set_field(rec, fl, val) < 0)
                return fail(name, ln, "bad value", val);
        }
        if (r < 0)
            return fail(name, ln, "expected field=value", NULL);
    }
    if (!fx->command[0])
        return fail(name, ln, "no command line", NULL);
    return 0;
}
