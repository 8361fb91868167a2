// SPDX-License-Identifier: UNLICENSED
pragma solidity 0.8.28;

/// @title AssetToken
/// @notice A fractional token of one real asset, in whole units, with ERC-3643-style controls split into
///         least-privilege roles: an owner who mints and appoints agents, compliance agents who keep the KYC
///         whitelist, freeze addresses and pause, and settlement agents who only force transfers (how the platform
///         settles a trade: treasury to buyer).
/// @dev Deliberately small: no allowances (approve/transferFrom), no external calls, no ether.
///      Every refusal is its own custom error so that an off-chain caller can name the broken rule.
///      Following ERC-3643, a pause and a frozen sender stop holder transfers only: agents can still
///      mint and force transfers (the standard's recovery path), but tokens never reach an address
///      that is unverified or frozen. No role implies another: the settlement key, which a running service holds,
///      can move tokens the platform sold but can neither mint, pause, whitelist nor appoint anyone, and the owner's
///      key can stay cold once the agents are appointed.
contract AssetToken {
  /// @notice The caller is not the owner.
  error NotOwner(address caller);
  /// @notice The caller is not a settlement agent (the only role that forces transfers).
  error NotSettlementAgent(address caller);
  /// @notice The caller is not a compliance agent (the only role that whitelists, freezes and pauses).
  error NotComplianceAgent(address caller);
  /// @notice The account is not on the KYC whitelist.
  error NotVerified(address account);
  /// @notice The account is frozen.
  error AddressFrozen(address account);
  /// @notice Holder transfers are paused.
  error TokenPaused();
  /// @notice Unpause was asked while the token is not paused.
  error TokenNotPaused();
  /// @notice The account holds fewer tokens than the transfer moves.
  error InsufficientBalance(address account, uint256 balance, uint256 needed);
  /// @notice An address argument is the zero address.
  error ZeroAddress();
  /// @notice An amount argument is zero.
  error ZeroAmount();
  /// @notice The arrays of a batch call differ in length.
  error BatchLengthMismatch(uint256 fromCount, uint256 toCount, uint256 amountCount);

  event Transfer(address indexed from, address indexed to, uint256 value);
  event SettlementAgentAdded(address indexed agent);
  event SettlementAgentRemoved(address indexed agent);
  event ComplianceAgentAdded(address indexed agent);
  event ComplianceAgentRemoved(address indexed agent);
  event VerificationUpdated(address indexed account, bool verified, address indexed agent);
  event FreezeUpdated(address indexed account, bool frozen, address indexed agent);
  event Paused(address agent);
  event Unpaused(address agent);

  string public name;
  string public symbol;
  uint256 public totalSupply;
  /// @notice The deployer; it mints and appoints and removes agents. Fixed for the life of the token.
  address public immutable owner;
  bool public paused;

  mapping(address account => uint256) public balanceOf;
  mapping(address account => bool) public isSettlementAgent;
  mapping(address account => bool) public isComplianceAgent;
  mapping(address account => bool) public isVerified;
  mapping(address account => bool) public isFrozen;

  modifier onlyOwner() {
    if (msg.sender != owner) revert NotOwner(msg.sender);
    _;
  }

  modifier onlySettlementAgent() {
    if (!isSettlementAgent[msg.sender]) revert NotSettlementAgent(msg.sender);
    _;
  }

  modifier onlyComplianceAgent() {
    if (!isComplianceAgent[msg.sender]) revert NotComplianceAgent(msg.sender);
    _;
  }

  /// @dev The deployer holds no agent role: it appoints the agents, and a mint needs a compliance agent to have
  ///      whitelisted the recipient first.
  constructor(string memory name_, string memory symbol_) {
    name = name_;
    symbol = symbol_;
    owner = msg.sender;
  }

  /// @notice Tokens are indivisible: one unit is one fraction of the asset.
  function decimals() external pure returns (uint8) {
    return 0;
  }

  function addSettlementAgent(address agent) external onlyOwner {
    if (agent == address(0)) revert ZeroAddress();
    isSettlementAgent[agent] = true;
    emit SettlementAgentAdded(agent);
  }

  function removeSettlementAgent(address agent) external onlyOwner {
    if (agent == address(0)) revert ZeroAddress();
    isSettlementAgent[agent] = false;
    emit SettlementAgentRemoved(agent);
  }

  function addComplianceAgent(address agent) external onlyOwner {
    if (agent == address(0)) revert ZeroAddress();
    isComplianceAgent[agent] = true;
    emit ComplianceAgentAdded(agent);
  }

  function removeComplianceAgent(address agent) external onlyOwner {
    if (agent == address(0)) revert ZeroAddress();
    isComplianceAgent[agent] = false;
    emit ComplianceAgentRemoved(agent);
  }

  /// @notice Puts an account on the KYC whitelist, or takes it off.
  function setVerified(address account, bool verified) external onlyComplianceAgent {
    if (account == address(0)) revert ZeroAddress();
    isVerified[account] = verified;
    emit VerificationUpdated(account, verified, msg.sender);
  }

  function setAddressFrozen(address account, bool frozen) external onlyComplianceAgent {
    if (account == address(0)) revert ZeroAddress();
    isFrozen[account] = frozen;
    emit FreezeUpdated(account, frozen, msg.sender);
  }

  function pause() external onlyComplianceAgent {
    if (paused) revert TokenPaused();
    paused = true;
    emit Paused(msg.sender);
  }

  function unpause() external onlyComplianceAgent {
    if (!paused) revert TokenNotPaused();
    paused = false;
    emit Unpaused(msg.sender);
  }

  /// @notice The owner creates tokens on a verified, unfrozen account (the supply, minted to the treasury).
  function mint(address to, uint256 amount) external onlyOwner {
    _requireNonZero(to, amount);
    _requireCanReceive(to);
    totalSupply += amount;
    balanceOf[to] += amount;
    emit Transfer(address(0), to, amount);
  }

  /// @notice A holder's transfer: both sides verified and not frozen, while the token is not paused.
  function transfer(address to, uint256 amount) external returns (bool) {
    _requireNonZero(to, amount);
    if (paused) revert TokenPaused();
    if (!isVerified[msg.sender]) revert NotVerified(msg.sender);
    if (isFrozen[msg.sender]) revert AddressFrozen(msg.sender);
    _requireCanReceive(to);
    _move(msg.sender, to, amount);
    return true;
  }

  /// @notice A settlement agent moves tokens between two verified addresses; the recipient must not be frozen.
  function forcedTransfer(address from, address to, uint256 amount) external onlySettlementAgent returns (bool) {
    _forcedTransfer(from, to, amount);
    return true;
  }

  /// @notice Several forced transfers in one transaction, as ERC-3643's batchForcedTransfer: each one is checked
  ///         exactly as forcedTransfer checks it, in order, and the first refusal reverts the whole batch with that
  ///         transfer's own custom error (naming the refused account), so nothing of a refused batch moves.
  /// @dev The settlement agent puts many orders in one transaction; an off-chain caller that sees the batch revert
  ///      checks each transfer on its own and sends the others again.
  function batchForcedTransfer(address[] calldata from, address[] calldata to, uint256[] calldata amounts)
    external
    onlySettlementAgent
  {
    if (from.length != to.length || to.length != amounts.length) {
      revert BatchLengthMismatch(from.length, to.length, amounts.length);
    }
    for (uint256 i = 0; i < from.length; i++) {
      _forcedTransfer(from[i], to[i], amounts[i]);
    }
  }

  function _forcedTransfer(address from, address to, uint256 amount) private {
    if (from == address(0)) revert ZeroAddress();
    _requireNonZero(to, amount);
    if (!isVerified[from]) revert NotVerified(from);
    _requireCanReceive(to);
    _move(from, to, amount);
  }

  function _requireNonZero(address to, uint256 amount) private pure {
    if (to == address(0)) revert ZeroAddress();
    if (amount == 0) revert ZeroAmount();
  }

  function _requireCanReceive(address to) private view {
    if (!isVerified[to]) revert NotVerified(to);
    if (isFrozen[to]) revert AddressFrozen(to);
  }

  function _move(address from, address to, uint256 amount) private {
    uint256 balance = balanceOf[from];
    if (balance < amount) revert InsufficientBalance(from, balance, amount);
    balanceOf[from] = balance - amount;
    balanceOf[to] += amount;
    emit Transfer(from, to, amount);
  }
}
